package dev.madoguchi.app.cli;

import dev.madoguchi.domain.shelter.AgeBand;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Present;
import dev.madoguchi.domain.shelter.ShelterReport;
import dev.madoguchi.domain.shelter.Stay;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
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

    static ParameterException noPdfYet(CommandSpec spec) {
        return new ParameterException(spec.commandLine(),
                "PDF output of the shelter mode is not built yet; use --json or --format csv");
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

        @Option(names = "--pdf", paramLabel = "FILE", description = "An A4 PDF (not built yet).")
        Path pdf;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
        Path out;

        @Override
        public boolean failuresAsJson() {
            return json;
        }

        @Override
        public Integer call() throws Exception {
            if (pdf != null) {
                throw noPdfYet(spec);
            }
            LocalDate day;
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--date is YYYY-MM-DD");
            }
            return clerk.run(store -> {
                ShelterReport r = store.shelter().report(shelter, day);
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

        @Option(names = "--format", required = true, paramLabel = "csv|pdf")
        String format;

        @Option(names = "--safety-answers", description = "Only what the persons' consent allows.")
        boolean safetyAnswers;

        @Option(names = "--bom", description = "Start the CSV with a UTF-8 byte-order mark (for spreadsheets).")
        boolean bom;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
        Path out;

        @Override
        public Integer call() throws Exception {
            if ("pdf".equals(format)) {
                throw noPdfYet(spec);
            }
            if (!"csv".equals(format)) {
                throw new ParameterException(spec.commandLine(), "--format is csv or pdf");
            }
            return clerk.run(store -> {
                Present present = store.shelter().present(shelter);
                List<List<String>> rows = ShelterRoster.rows(store.shelter().shelter(shelter).orElse(null),
                        present.people(), safetyAnswers);
                try (Writer w = ShelterCommand.output(spec, out)) {
                    ShelterRoster.writeCsv(w, rows, bom);
                }
                store.shelter().recordExport(shelter, (safetyAnswers ? "safety-answer roster" : "roster") + " csv",
                        rows.size());
                return 0;
            });
        }
    }
}
