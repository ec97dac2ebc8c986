package dev.madoguchi.app.cli;

import dev.madoguchi.app.shelter.roster.RosterRows;
import dev.madoguchi.domain.shelter.AgeBand;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Present;
import dev.madoguchi.domain.shelter.ShelterReport;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.pdf.MissingGlyph;
import dev.madoguchi.forms.pdf.Overflow;
import dev.madoguchi.forms.pdf.PdfFonts;
import dev.madoguchi.forms.pdf.RenderReport;
import dev.madoguchi.forms.pdf.TableReport;
import dev.madoguchi.forms.pdf.TableReportRenderer;
import dev.madoguchi.forms.shelter.ShelterDocuments;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shelter report} and {@code shelter roster}: what leaves the laptop, audited with counts only. */
final class ShelterOutputCommands {

    private ShelterOutputCommands() {
    }

    /** When the PDF was made, as printed on it (Japan time). */
    static String madeAt() {
        return ZonedDateTime.now(JAPAN).format(MADE_AT);
    }

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter MADE_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * Renders a document to {@code file} with the forms' fonts; a character no font has is a warning on standard
     * error (never its value: only the code point), as for the forms.
     */
    static RenderReport pdf(CommandSpec spec, TableReport document, Path file) {
        RenderReport report;
        try (PdfFonts fonts = PdfFonts.load(FontFiles.debian())) {
            report = new TableReportRenderer(fonts).write(document, file);
        }
        PrintWriter err = spec.commandLine().getErr();
        for (MissingGlyph glyph : report.missingGlyphs()) {
            err.println("WARNING " + glyph.fieldId() + ": no font has " + glyph.codePointLabel()
                    + "; a gap is left in its place");
        }
        for (Overflow overflow : report.overflows()) {
            err.println("WARNING " + overflow.fieldId() + ": only " + overflow.printedCodePoints() + " of "
                    + overflow.totalCodePoints() + " characters fit on a page");
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.println(file + ": " + report.pages() + (report.pages() == 1 ? " page" : " pages"));
        out.flush();
        return report;
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"The daily report to the disaster headquarters: who was present at the end of --date",
                "(Japan time), by age band and sex, care needs, pets, vehicles, where they stay, allergy meals."})
    static final class Report implements Callable<Integer>, CliErrors.JsonFailures {
        @Mixin
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        @Option(names = "--shelter", required = true, paramLabel = "ID")
        String shelter;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
        String date;

        @Option(names = "--json", description = "The shape of docs/shelter.md.")
        boolean json;

        @Option(names = "--pdf", paramLabel = "FILE", description = "An A4 PDF of the report, written to FILE.")
        Path pdf;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
        Path out;

        @Override
        public boolean failuresAsJson() {
            return json;
        }

        @Override
        public Integer call() throws Exception {
            if (pdf != null && (json || out != null)) {
                throw new ParameterException(spec.commandLine(), "--pdf FILE is the output: leave out --json and --out");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--date is YYYY-MM-DD");
            }
            return clerk.run(store -> {
                ShelterReport r = store.shelter().report(shelter, day);
                if (pdf != null) {
                    pdf(spec, ShelterDocuments.dailyReport(r, store.shelter().shelter(shelter).orElse(null), madeAt()),
                            pdf);
                    store.shelter().recordExport(shelter, "daily report " + day + " pdf", 1);
                    return 0;
                }
                try (Writer w = ShelterCommand.output(spec, out)) {
                    w.write(json ? ShelterShapes.write(ShelterShapes.report(r)) + "\n" : text(r));
                }
                store.shelter().recordExport(shelter, "daily report " + day + (json ? " json" : ""), 1);
                return 0;
            });
        }

        private static String text(ShelterReport r) {
            StringBuilder b = new StringBuilder();
            b.append(String.format("避難所 %s  %s%n", r.shelterId(), r.date()));
            b.append(String.format("避難者数 %d（世帯 %d） 昼 %d 夜 %d%n", r.present(), r.households(), r.day(),
                    r.night()));
            for (AgeBand band : AgeBand.values()) {
                var c = r.ageBands().get(band);
                b.append(String.format("  %-8s 男 %d 女 %d 他 %d%n", band.code(), c.male(), c.female(), c.other()));
            }
            for (CareKind kind : CareKind.values()) {
                b.append(String.format("  要配慮 %-12s %d%n", kind.code(), r.byFlag().get(kind)));
            }
            b.append(String.format("負傷・疾病 %d  ペット %d  車両 %d%n", r.injured(), r.pets(), r.vehicles()));
            for (Stay stay : Stay.values()) {
                b.append(String.format("  居所 %-18s %d%n", stay.code(), r.byStay().get(stay)));
            }
            r.allergyMeals().forEach((k, v) -> b.append(String.format("  アレルギー対応食 %s %d%n",
                    k.isEmpty() ? "（品目不明）" : k, v)));
            return b.toString();
        }
    }

    @Command(name = "roster", mixinStandardHelpOptions = true,
            description = {"The roster of who is present in the order of 様式第1号 (CSV: UTF-8, with a byte-order",
                "mark for spreadsheets when --bom is given). --safety-answers leaves out persons and items",
                "whose consent (⑫⑬⑭) does not allow an answer."})
    static final class Roster implements Callable<Integer> {
        @Mixin
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        @Option(names = "--shelter", required = true, paramLabel = "ID")
        String shelter;

        @Option(names = "--format", required = true, paramLabel = "csv|pdf",
                description = "csv (様式第1号 order) or pdf (A4 landscape, needs --out).")
        String format;

        @Option(names = "--safety-answers", description = "Only what the persons' consent allows.")
        boolean safetyAnswers;

        @Option(names = "--bom", description = "Start the CSV with a UTF-8 byte-order mark (for spreadsheets).")
        boolean bom;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
        Path out;

        @Override
        public Integer call() throws Exception {
            boolean asPdf = "pdf".equals(format);
            if (!asPdf && !"csv".equals(format)) {
                throw new ParameterException(spec.commandLine(), "--format is csv or pdf");
            }
            if (asPdf && out == null) {
                throw new ParameterException(spec.commandLine(), "--format pdf needs --out FILE");
            }
            if (asPdf && bom) {
                throw new ParameterException(spec.commandLine(), "--bom is for --format csv");
            }
            return clerk.run(store -> {
                Present present = store.shelter().present(shelter);
                Shelter at = store.shelter().shelter(shelter).orElse(null);
                List<List<String>> rows = RosterRows.rows(at, present.people(), safetyAnswers);
                if (asPdf) {
                    pdf(spec, ShelterDocuments.roster(at, shelter, RosterRows.HEADER, rows, safetyAnswers,
                            madeAt()), out);
                    store.shelter().recordExport(shelter, RosterRows.audited(safetyAnswers, true), rows.size());
                    return 0;
                }
                try (Writer w = ShelterCommand.output(spec, out)) {
                    RosterRows.writeCsv(w, rows, bom);
                }
                store.shelter().recordExport(shelter, RosterRows.audited(safetyAnswers, false), rows.size());
                return 0;
            });
        }
    }
}
