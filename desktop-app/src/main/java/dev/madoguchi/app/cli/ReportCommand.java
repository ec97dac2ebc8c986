package dev.madoguchi.app.cli;

import dev.madoguchi.app.report.HandlingTimeExport;
import dev.madoguchi.store.cases.HandlingTimeReport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code madoguchi report}: figures from the local store, counts and durations only (docs/adr/0018). */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = "Figures from the local store: counts and durations only, never a name.",
        subcommands = {ReportCommand.HandlingTimes.class})
public final class ReportCommand extends GroupCommand {

    /** {@code madoguchi report handling-times}. */
    @Command(name = "handling-times", mixinStandardHelpOptions = true,
            description = {"How long counter visits took, per life event and step: count, median, 90th percentile,",
                "and the share of visits finished without manual entry (docs/howto/read-handling-times.md).",
                "Median and p90 interpolate linearly between the closest ranks (as PERCENTILE.INC).",
                "A clerk sees their own figures; --of and --all-clerks need an administrator.",
                "Days are in this computer's time zone. The passphrase is read from the console or standard input."})
    static final class HandlingTimes implements Callable<Integer> {

        /** Without --from: this many days up to and including --to (default today). */
        static final int DEFAULT_DAYS = 30;

        @Spec
        CommandSpec spec;

        @Mixin
        ClerkSession clerk;

        @Option(names = "--of", paramLabel = "ID", description = "Another clerk's figures (administrators only).")
        String of;

        @Option(names = "--all-clerks", description = "Every clerk's figures together (administrators only).")
        boolean allClerks;

        @Option(names = "--from", paramLabel = "DATE",
                description = "First day, yyyy-MM-dd, inclusive (default: " + (DEFAULT_DAYS - 1) + " days before --to).")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last day, yyyy-MM-dd, inclusive (default: today).")
        LocalDate to;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Option(names = "--csv", description = "Print CSV (one row per life event and step).")
        boolean csv;

        @Override
        public Integer call() throws Exception {
            if (json && csv) {
                throw new ParameterException(spec.commandLine(), "give --json or --csv, not both");
            }
            if (of != null && allClerks) {
                throw new ParameterException(spec.commandLine(), "give --of or --all-clerks, not both");
            }
            ZoneId zone = ZoneId.systemDefault();
            LocalDate last = to != null ? to : LocalDate.now(zone);
            LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
            if (last.isBefore(first)) {
                throw new ParameterException(spec.commandLine(), "--to " + last + " is before --from " + first);
            }
            return clerk.run(store -> {
                HandlingTimeReport figures = allClerks ? store.handlingTimes().forAllClerks(first, last, zone)
                        : store.handlingTimes().forClerk(of != null ? of : clerk.clerkId(), first, last, zone);
                spec.commandLine().getOut().print(json ? HandlingTimeExport.json(figures)
                        : csv ? HandlingTimeExport.csv(figures) : HandlingTimeExport.table(figures));
                spec.commandLine().getOut().flush();
                return 0;
            });
        }
    }
}
