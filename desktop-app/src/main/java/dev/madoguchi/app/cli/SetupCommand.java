package dev.madoguchi.app.cli;

import dev.madoguchi.app.setup.PassphraseStrength;
import dev.madoguchi.app.setup.SetupPlan;
import dev.madoguchi.app.setup.SetupService;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.error.StoreException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code madoguchi setup}: the first-run setup of a real municipality on the command line (the desktop assistant,
 * {@code madoguchi --setup}, does the same by keyboard; docs/adr/0031). Validates everything first, asks for the
 * administrator's passphrase twice (its strength shown; a weak one is refused), then creates the store and imports the
 * register.
 */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = {"First-run setup of a real municipality (not the demo): creates the encrypted store with its",
            "first administrator, records the municipality and the backend, imports the register snapshot.",
            "Asks for the administrator's passphrase (twice). Runs once per computer."})
public final class SetupCommand implements Callable<Integer> {

    @Option(names = "--municipality-code", required = true, paramLabel = "CODE",
            description = "The six-digit 全国地方公共団体コード with its check digit, e.g. 131016.")
    String municipalityCode;

    @Option(names = "--municipality-name", required = true, paramLabel = "NAME", description = "e.g. 千代田区.")
    String municipalityName;

    @Option(names = "--admin", required = true, paramLabel = "ID", description = "The first administrator's id.")
    String administratorId;

    @Option(names = "--admin-name", required = true, paramLabel = "NAME",
            description = "The first administrator's display name.")
    String administratorName;

    @Option(names = "--register", paramLabel = "FILE",
            description = "The register snapshot to import (.csv, .jsonl, .ndjson); can be imported later.")
    Path register;

    @Option(names = "--backend", paramLabel = "URL", description = "The backend's base URL (https).")
    URI backend;

    @Option(names = "--token-file", paramLabel = "FILE", description = "The terminal's token file for the backend.")
    Path tokenFile;

    @Spec
    CommandSpec spec;

    @ParentCommand
    MadoguchiCommand root;

    private BufferedReader stdin;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SetupPlan plan = new SetupPlan(municipalityCode, municipalityName, administratorId, administratorName,
                register, backend, tokenFile);
        if (!plan.problems().isEmpty()) {
            plan.problems().forEach(p -> err.println("setup: " + p));
            return 2;
        }
        char[] passphrase = read(err, "Passphrase for " + administratorId + " (at least 12 characters)");
        char[] again = read(err, "The same passphrase again");
        try {
            if (!Arrays.equals(passphrase, again)) {
                err.println("setup: the two passphrases differ");
                return 2;
            }
            err.println("setup: passphrase strength: " + PassphraseStrength.of(passphrase).name().toLowerCase(
                    java.util.Locale.ROOT));
            SetupService.Outcome outcome = new SetupService(root.storeDirectory(), StoreOptions.defaults())
                    .run(plan, passphrase, err);
            out.printf("set up %s (%s): store schema %s, %d residents, %d households%n", municipalityName,
                    municipalityCode, outcome.schemaVersion(), outcome.residents(), outcome.households());
            return 0;
        } catch (IllegalArgumentException | StoreException e) {
            err.println("setup: " + e.getMessage());
            return e instanceof StoreException ? 1 : 2;
        } finally {
            Arrays.fill(passphrase, ' ');
            Arrays.fill(again, ' ');
        }
    }

    /** Without echo on a console; one line from standard input otherwise (a pipe, a script). */
    private char[] read(PrintWriter prompts, String prompt) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] read = console.readPassword("%s: ", prompt);
            return read == null ? new char[0] : read;
        }
        prompts.println(prompt + ":");
        prompts.flush();
        if (stdin == null) {
            stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        String line = stdin.readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
