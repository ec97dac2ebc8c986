package dev.madoguchi.app.cli;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.DemoMunicipalityCsv;
import dev.madoguchi.demo.Resident;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code madoguchi demo}: the fictional demo municipality. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = "The fictional demo municipality used by the demo mode, tests and benchmarks.",
        subcommands = {DemoCommand.Summary.class, DemoCommand.Export.class})
public final class DemoCommand extends GroupCommand {

    /** Options shared by the demo subcommands. */
    static final class Generation {
        @Option(names = "--seed", defaultValue = "" + DemoMunicipality.DEFAULT_SEED,
                description = "Generator seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--residents", defaultValue = "" + DemoMunicipality.DEFAULT_RESIDENTS, paramLabel = "N",
                description = "At least this many residents, 1-1000000 (default: ${DEFAULT-VALUE}).")
        int residents;

        DemoMunicipality generate(CommandSpec spec) {
            if (residents < 1 || residents > 1_000_000) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--residents must be between 1 and 1000000, not " + residents);
            }
            return DemoMunicipality.generate(seed, residents);
        }
    }

    @Command(name = "summary", mixinStandardHelpOptions = true,
            description = "Prints what the demo municipality holds (counts only, no personal data).")
    static final class Summary implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Generation generation;

        @Override
        public Integer call() {
            DemoMunicipality m = generation.generate(spec);
            PrintWriter out = spec.commandLine().getOut();
            long foreign = m.residents().stream().filter(Resident::isForeign).count();
            long substituted = m.cardHolders().stream()
                    .filter(r -> !r.card().nameOnCard().equals(r.fullName()))
                    .count();
            out.printf("municipality: %s%s (code %s, fictional)%n", m.prefecture(), m.city(), m.localGovernmentCode());
            out.printf("seed: %d%n", m.seed());
            out.printf("households: %d%n", m.households().size());
            out.printf("residents: %d%n", m.residents().size());
            out.printf("foreign residents: %d%n", foreign);
            out.printf("card holders: %d%n", m.cardHolders().size());
            out.printf("cards whose name uses a substitute character: %d%n", substituted);
            out.flush();
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the demo register as UTF-8 CSV (one resident per line).",
                "My Numbers and card secrets are never exported."})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Generation generation;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "Write to FILE (atomically) instead of standard output.")
        Path output;

        @Override
        public Integer call() throws Exception {
            DemoMunicipality m = generation.generate(spec);
            if (output == null) {
                Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                DemoMunicipalityCsv.write(m, out);
                out.flush();
                return 0;
            }
            Path absolute = output.toAbsolutePath();
            Path temporary = absolute.resolveSibling(absolute.getFileName() + ".partial");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                DemoMunicipalityCsv.write(m, out);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getErr().printf("wrote %d residents to %s%n", m.residents().size(), absolute);
            return 0;
        }
    }
}
