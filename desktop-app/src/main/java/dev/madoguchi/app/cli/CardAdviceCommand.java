package dev.madoguchi.app.cli;

import dev.madoguchi.app.checkup.CheckUpAdviceService;
import dev.madoguchi.card.checkup.CardCheckUp;
import dev.madoguchi.card.checkup.CheckUp;
import dev.madoguchi.card.checkup.PinTries;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.forms.advice.Advice;
import dev.madoguchi.forms.advice.AdviceItem;
import dev.madoguchi.forms.advice.AdvicePlaces;
import dev.madoguchi.forms.advice.AdviceTable;
import dev.madoguchi.forms.advice.AdviceText;
import dev.madoguchi.forms.advice.CheckUpFacts;
import dev.madoguchi.forms.advice.Furigana;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.pdf.PdfFonts;
import dev.madoguchi.forms.pdf.RenderReport;
import dev.madoguchi.forms.pdf.TakeawaySheetRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code madoguchi card advice}: the volunteer's check-up and the advice it leads to (docs/volunteer.md). Reads no
 * name, address, birth date, My Number or serial, needs no PIN and consumes no try; its output holds nothing personal.
 */
@Command(name = "advice", mixinStandardHelpOptions = true,
        description = {"The volunteer's card check-up: the kind of card, the tries left on the four PINs, the",
            "certificate's and the card's validity, and what to do next (where to go, what to bring).",
            "Needs no PIN, consumes no try, reads and prints nothing personal."})
final class CardAdviceCommand implements Callable<Integer>, CliErrors.JsonFailures {

    private static final Logger LOG = LoggerFactory.getLogger(CardAdviceCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    CardCommand.Target target;

    @Option(names = "--reader", paramLabel = "NAME", description = "The reader (default: the first holding a card).")
    String reader;

    @Option(names = "--lang", paramLabel = "ja|en|ja-easy", defaultValue = "ja",
            description = "Language of the advice (default: ${DEFAULT-VALUE}; ja-easy: やさしい日本語).")
    String language;

    @Option(names = "--sheet", paramLabel = "FILE.pdf",
            description = "Also write the takeaway sheet (A4: Japanese, やさしい日本語 with furigana, --resident-lang).")
    Path sheet;

    @Option(names = "--resident-lang", paramLabel = "TAG",
            description = "The resident's language for the sheet's third part (en; vi, zh, ko, pt print English "
                    + "headed by a note in that language until the table has their texts).")
    String residentLanguage;

    @Option(names = "--answer", paramLabel = "QUESTION=yes|no",
            description = "The resident's answer to a question of the advice table (knowsSignPassword, knowsAuthPin).")
    Map<String, String> answers = new LinkedHashMap<>();

    @Override
    public boolean failuresAsJson() {
        return target.json;
    }

    @Override
    public Integer call() throws CardIoException {
        if (!List.of(AdviceText.JA, AdviceText.EN, AdviceText.EASY_JA).contains(language)) {
            throw new ParameterException(spec.commandLine(), "--lang: ja, en or ja-easy, not " + language);
        }
        CheckUpAdviceService service = CheckUpAdviceService.demo();
        CheckUp checkUp = new CardCheckUp(target.readers(spec)).checkUp(reader);
        Advice advice;
        try {
            advice = service.advise(checkUp, answers);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--answer: " + e.getMessage());
        }
        LOG.info("card advice: {} card, {} APDUs, outcomes {}", checkUp.cardType().code(), checkUp.apdus(),
                advice.items().stream().map(AdviceItem::id).toList());
        Map<String, Object> result = json(checkUp, advice);
        if (sheet != null) {
            try (PdfFonts fonts = PdfFonts.load(FontFiles.debian())) {
                RenderReport report = new TakeawaySheetRenderer(fonts).write(advice, residentLanguage, sheet);
                result.put("sheet", ordered("file", sheet.toString(), "pages", report.pages(), "languages",
                        new TakeawaySheetRenderer(fonts).printedLanguages(advice, residentLanguage)));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (target.json) {
            out.println(CardCommand.Json.write(result));
        } else {
            text(out, checkUp, advice);
        }
        out.flush();
        return 0;
    }

    private String t(AdviceText text) {
        return Furigana.plain(text.in(language));
    }

    private Map<String, Object> json(CheckUp checkUp, Advice advice) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cardType", checkUp.cardType().code());
        m.put("myNumberCard", checkUp.myNumberCard());
        m.put("checkedOn", checkUp.checkedOn().toString());
        List<Object> pins = new ArrayList<>();
        for (PinTries p : checkUp.pins()) {
            Map<String, Object> pin = new LinkedHashMap<>();
            pin.put("kind", p.kind().code());
            pin.put("triesLeft", p.reported() ? p.triesLeft() : null);
            pin.put("maxTries", p.maxTries());
            pin.put("state", new CheckUpFacts.Pin(p.kind().code(), p.triesLeft(), p.maxTries()).state());
            pins.add(pin);
        }
        m.put("pins", pins);
        m.put("authCertificate", checkUp.authCertificate().map(c -> (Object) ordered("validFrom",
                c.validFrom().toString(), "validUntil", c.validUntil().toString(), "status", c.status().name(),
                "renewalOpens", c.renewalOpens().toString())).orElse(null));
        m.put("cardValidity", checkUp.card().map(c -> (Object) ordered("expiry", c.expiry().toString(), "status",
                c.status().name(), "renewalOpens", c.renewalOpens().toString())).orElse(null));
        m.put("apdus", checkUp.apdus());
        m.put("language", language);
        m.put("adviceTable", ordered("version", advice.tableVersion(), "sha256", advice.tableSha256(), "places",
                advice.placesVersion()));
        List<Object> items = new ArrayList<>();
        AdviceTable table = advice.table();
        for (AdviceItem item : advice.items()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("id", item.id());
            i.put("severity", item.severity());
            i.put("title", t(item.title()));
            i.put("advice", t(item.advice()));
            i.put("reason", t(item.reason()));
            i.put("source", t(item.source()));
            i.put("sourceUrl", item.sourceUrl());
            i.put("bring", item.bring().stream().map(this::t).toList());
            i.put("place", item.place().map(this::place).orElse(null));
            i.put("dependsOn", item.uncertain().stream().map(q -> (Object) ordered("question", q, "text",
                    t(table.question(q).orElseThrow().text()))).toList());
            items.add(i);
        }
        m.put("advice", items);
        return m;
    }

    private Object place(AdvicePlaces.Place p) {
        return ordered("id", p.id(), "name", t(p.name()), "address", t(p.address()), "hours", t(p.hours()), "phone",
                p.phone());
    }

    private void text(PrintWriter out, CheckUp checkUp, Advice advice) {
        AdviceTable table = advice.table();
        out.println(t(table.label("sheetTitle")) + " (" + checkUp.cardType().code() + ")");
        out.println(t(table.label("checkedOn")) + ": " + checkUp.checkedOn());
        for (PinTries p : checkUp.pins()) {
            String state = p.locked() ? t(table.label("locked")) : p.reported()
                    ? t(table.label("triesLeft")) + " " + p.triesLeft() + "/" + p.maxTries()
                    : t(table.label("notReported"));
            out.println("  " + t(table.pinName(p.kind().code())) + ": " + state);
        }
        checkUp.authCertificate().ifPresent(c -> out.println(t(table.label("certificate")) + ": "
                + t(table.label("validUntil")) + " " + c.validUntil() + " (" + c.status() + "), "
                + t(table.label("renewalOpens")) + " " + c.renewalOpens()));
        checkUp.card().ifPresent(c -> out.println(t(table.label("cardExpiry")) + ": " + c.expiry() + " ("
                + c.status() + ")"));
        out.println(t(table.label("advice")) + ":");
        for (AdviceItem item : advice.items()) {
            out.println("  [" + item.severity() + "] " + t(item.title()));
            out.println("      " + t(item.advice()));
            for (String q : item.uncertain()) {
                out.println("      " + t(table.label("dependsOn")) + ": " + t(table.question(q).orElseThrow().text()));
            }
            if (!item.bring().isEmpty()) {
                out.println("      " + t(table.label("bring")) + ": "
                        + String.join(" / ", item.bring().stream().map(this::t).toList()));
            }
            item.place().ifPresent(p -> out.println("      " + t(table.label("where")) + ": " + t(p.name()) + ", "
                    + t(p.address()) + ", " + t(p.hours()) + (p.phone() == null ? "" : ", " + p.phone())));
            out.println("      " + t(table.label("source")) + ": " + t(item.source())
                    + (item.sourceUrl() == null ? "" : " " + item.sourceUrl()));
        }
        out.println("APDUs: " + checkUp.apdus());
        if (sheet != null) {
            out.println("sheet: " + sheet);
        }
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
