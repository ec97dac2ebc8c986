package dev.madoguchi.app.cli;

import dev.madoguchi.store.shelter.ShelterExchange;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shelter export FILE} / {@code shelter import FILE}: the exchange file between laptops (docs/adr/0026). After
 * the clerk's passphrase, the shelter passphrase is read as the next line of standard input.
 */
final class ShelterExchangeCommands {

    private ShelterExchangeCommands() {
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the shelter events this laptop holds (since --since) into an exchange file, signed",
                "by this laptop and encrypted to the shelter passphrase (read after the clerk's). Prints this",
                "laptop's fingerprint, which the receiving laptop confirms once with --trust."})
    static final class Export implements Callable<Integer> {
        @Mixin
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--since", paramLabel = "N", defaultValue = "0",
                description = "Only events received after this sequence number (printed by the previous export).")
        long since;

        @Option(names = "--municipality", paramLabel = "CODE",
                description = "The municipality code (default: the store's setting).")
        String municipality;

        @Override
        public Integer call() throws Exception {
            return clerk.run(store -> clerk.withPassphrase("Shelter passphrase", passphrase -> {
                ShelterExchange.Export export = store.shelterExchange().export(file, passphrase,
                        ShelterCommand.municipality(store, municipality), since);
                PrintWriter out = spec.commandLine().getOut();
                out.printf("exported %d events of %d shelters up to sequence %d%n", export.events(),
                        export.shelters(), export.upToSequence());
                out.printf("fingerprint %s%n", export.fingerprint());
                out.flush();
                return 0;
            }));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports an exchange file: every event not yet held, once. Refused with nothing imported",
                "when truncated, changed, from an untrusted laptop, another municipality, or the shelter",
                "passphrase (read after the clerk's) is wrong. Conflicts are listed on standard error."})
    static final class Import implements Callable<Integer> {
        @Mixin
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--trust", paramLabel = "FINGERPRINT",
                description = "Trust the sending laptop with this fingerprint (compare it with what its export"
                        + " printed).")
        List<String> trust = List.of();

        @Option(names = "--municipality", paramLabel = "CODE",
                description = "The municipality code (default: the store's setting).")
        String municipality;

        @Override
        public Integer call() throws Exception {
            return clerk.run(store -> clerk.withPassphrase("Shelter passphrase", passphrase -> {
                ShelterExchange.Import result = store.shelterExchange().importFile(file, passphrase,
                        ShelterCommand.municipality(store, municipality), new HashSet<>(trust));
                PrintWriter out = spec.commandLine().getOut();
                out.printf("imported %d of %d events from %s (%s); %d already held; %d conflicts%n",
                        result.imported(), result.received(), result.terminalId(), result.fingerprint(),
                        result.alreadyHeld(), result.conflicts().size());
                out.flush();
                PrintWriter err = spec.commandLine().getErr();
                for (ShelterExchange.Conflict c : result.conflicts()) {
                    err.printf("conflict: %s %s %s %s: %s%n", c.shelterId(), c.personId(), c.kind(), c.eventId(),
                            c.explanation());
                }
                err.flush();
                return 0;
            }));
        }
    }
}
