package dev.madoguchi.forms.pdf;

import dev.madoguchi.forms.advice.Advice;
import dev.madoguchi.forms.advice.AdviceItem;
import dev.madoguchi.forms.advice.AdviceService;
import dev.madoguchi.forms.advice.AdviceTable;
import dev.madoguchi.forms.advice.AdviceText;
import dev.madoguchi.forms.advice.CheckUpFacts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The volunteer's takeaway sheet: A4 in large type (body 14 pt), the check-up's results and the advice — what to do,
 * what to bring, where to go and when — once in Japanese, once in やさしい日本語 with furigana above the kanji, and once
 * in the resident's language when the advice table has texts in it (the built-in table: en, vi, zh, ko, pt). For a
 * resident language a table has no advice in (a municipality's own table, say), the third part is English, headed by the table's {@code languageMissing} note in the
 * resident's language (in English when no installed font draws that script). Nothing personal is printed: the advice
 * holds none; a frame is left for what the resident chooses to write by hand. Fonts as for the forms (IPAexゴシック,
 * subset), with a script font first for a resident language IPAex does not draw ({@link PdfFonts#SCRIPT_FONTS}).
 */
public final class TakeawaySheetRenderer {

    private static final float TITLE = 22f;
    private static final float HEADING = 17f;
    private static final float BODY = 14f;
    private static final float SMALL = 11f;

    private final PdfFonts fonts;

    public TakeawaySheetRenderer(PdfFonts fonts) {
        this.fonts = fonts;
    }

    /**
     * The languages the sheet prints, in order: {@code ja}, {@code ja-easy}, and the resident's when the table has
     * texts in it, else English (headed by a note in the resident's language, see {@link #fallsBack}).
     */
    public static List<String> languages(Advice advice, String residentLanguage) {
        List<String> languages = new ArrayList<>(List.of(AdviceText.JA, AdviceText.EASY_JA));
        if (residentLanguage != null && !languages.contains(residentLanguage)) {
            languages.add(fallsBack(advice, residentLanguage) ? AdviceText.EN : residentLanguage);
        }
        return languages;
    }

    /** Whether the table lacks advice in the resident's language, so the sheet prints English in its place. */
    public static boolean fallsBack(Advice advice, String residentLanguage) {
        return residentLanguage != null && !residentLanguage.startsWith("ja")
                && !advice.table().label("sheetTitle").has(residentLanguage);
    }

    /**
     * The languages this renderer prints, in order: as {@link #languages}, and English in place of a resident language
     * whose texts no installed font draws (its script font missing), so that no character is left undrawn.
     */
    public List<String> printedLanguages(Advice advice, String residentLanguage) {
        List<String> languages = languages(advice, residentLanguage);
        if (residentLanguage != null && languages.contains(residentLanguage) && !residentLanguage.startsWith("ja")
                && !drawsAll(advice, residentLanguage)) {
            languages.set(languages.indexOf(residentLanguage), AdviceText.EN);
        }
        return languages;
    }

    /** Whether the fonts draw every text the sheet prints in {@code language}. */
    private boolean drawsAll(Advice advice, String language) {
        List<PdfFonts.Face> chain = fonts.sheetChain(language);
        StringBuilder all = new StringBuilder();
        advice.table().labels().values().forEach(t -> all.append(t.in(language)));
        advice.table().pins().values().forEach(t -> all.append(t.in(language)));
        advice.table().questions().forEach(q -> all.append(q.text().in(language)));
        for (AdviceItem item : advice.items()) {
            all.append(item.title().in(language)).append(item.advice().in(language)).append(item.reason().in(language))
                    .append(item.source().in(language));
            item.bring().forEach(t -> all.append(t.in(language)));
            item.place().ifPresent(place -> all.append(place.name().in(language)).append(place.address().in(language))
                    .append(place.hours().in(language)));
        }
        return FaceRun.split(all.toString(), chain).stream().allMatch(run -> run.face() != null);
    }

    /** The sheet as PDF bytes (for a preview or the printer). */
    public byte[] render(Advice advice, String residentLanguage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        render(advice, residentLanguage, out);
        return out.toByteArray();
    }

    /** Writes the sheet to a file. */
    public RenderReport write(Advice advice, String residentLanguage, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderReport report = render(advice, residentLanguage, out);
        try {
            Files.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return report;
    }

    /** @return the pages and any character no font could print (none expected: the texts are the table's) */
    public RenderReport render(Advice advice, String residentLanguage, OutputStream out) {
        List<String> languages = printedLanguages(advice, residentLanguage);
        String missing = residentLanguage != null && !residentLanguage.startsWith("ja")
                && !languages.contains(residentLanguage) ? residentLanguage : null;
        try (PDDocument doc = new PDDocument()) {
            RenderSession measured = new RenderSession(null, null);
            try (SheetCanvas canvas = new SheetCanvas(fonts, measured, null)) {
                layout(canvas, advice, languages, missing);
            }
            RenderSession session = new RenderSession(doc, measured);
            int pages;
            try (SheetCanvas canvas = new SheetCanvas(fonts, session, doc)) {
                layout(canvas, advice, languages, missing);
                pages = canvas.pages();
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(advice.table().label("sheetTitle").in(AdviceText.JA));
            info.setSubject("advice table " + advice.tableVersion());
            info.setCreator("Madoguchi");
            doc.save(out);
            return new RenderReport(pages, session.missing, List.of(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF: " + e.getMessage(), e);
        }
    }

    private void layout(SheetCanvas c, Advice advice, List<String> languages, String missing) throws IOException {
        for (String language : languages) {
            c.newPage();
            c.useLanguage(language);
            if (missing != null && language.equals(AdviceText.EN)) {
                languageMissing(c, advice.table(), missing);
            }
            section(c, advice, language, AdviceText.EASY_JA.equals(language));
        }
    }

    /**
     * The note heading the English part for a resident language without advice: in that language when the table has
     * the note in it and an installed font draws it; else in English, naming the language.
     */
    private static void languageMissing(SheetCanvas c, AdviceTable table, String language) throws IOException {
        AdviceText note = table.optionalLabel("languageMissing").orElse(AdviceText.of(
                "この言語の用紙はまだありません。やさしい日本語と英語で印刷しています。",
                "この ことばの {紙|かみ}は まだ ありません。",
                "This sheet is not yet available in your language: it is printed in easy Japanese and English."));
        c.useLanguage(language);
        String own = note.exactly(language).orElse(null);
        if (own != null && c.draws(own)) {
            c.paragraph(own, HEADING, 0, false);
        } else {
            c.useLanguage(AdviceText.EN);
            c.paragraph(note.in(AdviceText.EN) + " [" + language + "]", HEADING, 0, false);
        }
        c.useLanguage(AdviceText.EN);
        c.rule();
    }

    private void section(SheetCanvas c, Advice advice, String lang, boolean ruby) throws IOException {
        AdviceTable table = advice.table();
        CheckUpFacts facts = advice.facts();
        c.paragraph(table.label("sheetTitle").in(lang), TITLE, 0, ruby);
        c.paragraph(table.label("checkedOn").in(lang) + sep(lang) + AdviceService.date(facts.checkedOn(), lang), BODY, 0,
                ruby);
        c.rule();
        c.paragraph(table.label("results").in(lang), HEADING, 0, ruby);
        for (CheckUpFacts.Pin pin : facts.pins()) {
            c.paragraph(table.pinName(pin.kind()).in(lang), BODY, 4 * SheetCanvas.MM, ruby);
            c.paragraph(pinState(table, pin, lang), BODY, 14 * SheetCanvas.MM, ruby);
        }
        if (facts.cardKind().equals(CheckUpFacts.MY_NUMBER_CARD)) {
            c.paragraph(table.label("certificate").in(lang), BODY, 4 * SheetCanvas.MM, ruby);
            c.paragraph(facts.certificate().map(v -> validity(table, v, lang, true))
                    .orElse(table.label("absent").in(lang)), BODY, 14 * SheetCanvas.MM, ruby);
            c.paragraph(table.label("cardExpiry").in(lang), BODY, 4 * SheetCanvas.MM, ruby);
            c.paragraph(facts.card().map(v -> validity(table, v, lang, false))
                    .orElse(table.label("notRead").in(lang)), BODY, 14 * SheetCanvas.MM, ruby);
        }
        c.rule();
        c.paragraph(table.label("advice").in(lang), HEADING, 0, ruby);
        for (AdviceItem item : advice.items()) {
            item(c, table, item, lang, ruby);
        }
        c.rule();
        c.paragraph(table.label("volunteerNote").in(lang), BODY, 0, ruby);
        c.paragraph(table.label("noPersonalData").in(lang), SMALL, 0, ruby);
        c.space(2);
        c.frame(table.label("memo").in(lang), SMALL, 30, ruby);
        c.paragraph("Madoguchi · advice " + advice.tableVersion() + " · " + advice.tableSha256().substring(0, 12)
                + " · places " + advice.placesVersion(), 7f, 0, false);
    }

    private static void item(SheetCanvas c, AdviceTable table, AdviceItem item, String lang, boolean ruby)
            throws IOException {
        float in = 6 * SheetCanvas.MM;
        String marker = switch (item.severity()) {
            case "action" -> "■ ";
            case "info" -> "● ";
            default -> "◎ ";
        };
        c.keep(HEADING * 4);
        c.space(2);
        c.paragraph(marker + item.title().in(lang), HEADING, 0, ruby);
        c.paragraph(item.advice().in(lang), BODY, in, ruby);
        for (String question : item.uncertain()) {
            c.paragraph("※ " + table.label("dependsOn").in(lang) + sep(lang) + table.question(question).orElseThrow()
                    .text().in(lang), BODY, in, ruby);
        }
        if (!item.bring().isEmpty()) {
            c.paragraph(table.label("bring").in(lang), BODY, in, ruby);
            for (AdviceText thing : item.bring()) {
                c.paragraph("・" + thing.in(lang), BODY, in + 4 * SheetCanvas.MM, ruby);
            }
        }
        if (item.place().isPresent()) {
            var place = item.place().get();
            c.paragraph(table.label("where").in(lang), BODY, in, ruby);
            c.paragraph(place.name().in(lang), BODY, in + 4 * SheetCanvas.MM, ruby);
            c.paragraph(place.address().in(lang), BODY, in + 4 * SheetCanvas.MM, ruby);
            c.paragraph(table.label("hours").in(lang) + sep(lang) + place.hours().in(lang), BODY, in + 4 * SheetCanvas.MM,
                    ruby);
            if (place.phone() != null) {
                c.paragraph(table.label("phone").in(lang) + sep(lang) + place.phone(), BODY, in + 4 * SheetCanvas.MM, ruby);
            }
        }
        c.paragraph(table.label("reason").in(lang) + sep(lang) + item.reason().in(lang), SMALL, in, ruby);
        c.paragraph(table.label("source").in(lang) + sep(lang) + item.source().in(lang)
                + (item.sourceUrl() == null ? "" : " " + item.sourceUrl()), SMALL, in, ruby);
    }

    private static String sep(String lang) {
        return lang.startsWith("ja") ? "：" : ": ";
    }

    private static String pinState(AdviceTable table, CheckUpFacts.Pin pin, String lang) {
        return switch (pin.state()) {
            case "locked" -> table.label("locked").in(lang);
            case "not-reported" -> table.label("notReported").in(lang);
            default -> table.label("triesLeft").in(lang) + sep(lang) + pin.triesLeft() + " / " + pin.maxTries();
        };
    }

    private static String validity(AdviceTable table, CheckUpFacts.Validity v, String lang, boolean renewal) {
        String status = switch (v.standing()) {
            case FINE -> table.label("fine").in(lang);
            case RENEWAL_WINDOW -> table.label("renewalWindow").in(lang);
            case EXPIRED -> table.label("expired").in(lang);
        };
        String text = table.label("validUntil").in(lang) + sep(lang) + AdviceService.date(v.validUntil(), lang) + (lang.startsWith("ja") ? "（" : " (")
                + status + (lang.startsWith("ja") ? "）" : ")");
        if (renewal && v.standing() != CheckUpFacts.Standing.EXPIRED) {
            text += " " + table.label("renewalOpens").in(lang) + sep(lang) + AdviceService.date(v.renewalOpens(), lang);
        }
        return text;
    }
}
