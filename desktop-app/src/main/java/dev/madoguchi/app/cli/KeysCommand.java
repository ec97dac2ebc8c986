package dev.madoguchi.app.cli;

import dev.madoguchi.app.keys.TerminalKeyService;
import dev.madoguchi.app.keys.TerminalKeyService.KeyInfo;
import dev.madoguchi.store.StoreOptions;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code madoguchi keys}: the terminal's QR signing key, sealed under the store's key (docs/adr/0025) — its key ids,
 * rotation by an administrator, and the public keys with their validity periods for the back office.
 */
@Command(name = "keys",
        mixinStandardHelpOptions = true,
        description = "The terminal's QR signing key (docs/adr/0025-sealed-terminal-key.md).",
        subcommands = {KeysCommand.Show.class, KeysCommand.Rotate.class, KeysCommand.ExportPublic.class})
public final class KeysCommand extends GroupCommand {

    @ParentCommand
    MadoguchiCommand top;

    TerminalKeyService keys() {
        return FormCommand.terminalKeys(top);
    }

    static String line(KeyInfo key) {
        return key.keyId() + "  " + key.notBefore() + " .. " + (key.notAfter() == null ? "" : key.notAfter())
                + (key.current() ? "  (current)" : "");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Lists the key ids (SHA-256 of the public key, 16 hex digits) and validity periods; never a key.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print JSON instead of lines.")
        boolean asJson;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<KeyInfo> all = keys.keys().keys();
            if (asJson) {
                List<Map<String, Object>> rows = all.stream().map(k -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("kid", k.keyId());
                    row.put("notBefore", k.notBefore().toString());
                    row.put("notAfter", k.notAfter() == null ? null : k.notAfter().toString());
                    row.put("current", k.current());
                    return row;
                }).toList();
                out.println(FormCommand.json().writeValueAsString(rows));
            } else if (all.isEmpty()) {
                out.println(keys.keys().plainKeyPresent()
                        ? "a plain key file of an earlier version waits for a clerk's sign-in to be sealed"
                        : "no signing key yet: it is made at the first form a signed-in clerk prints");
            } else {
                all.forEach(k -> out.println(line(k)));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Replaces the signing key by a new one (administrators). Forms signed before stay valid;",
                "export the public keys again for the back office."})
    static final class Rotate implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Spec
        CommandSpec spec;

        @Mixin
        ClerkSession clerk;

        @Override
        public Integer call() throws Exception {
            return clerk.run(store -> {
                KeyInfo made = keys.keys().rotate(store);
                spec.commandLine().getOut().println("new signing key " + made.keyId() + " from " + made.notBefore());
                spec.commandLine().getOut().flush();
                return 0;
            });
        }
    }

    @Command(name = "export-public", mixinStandardHelpOptions = true,
            description = {"Writes every public key of this terminal with its validity period into one JSON file the",
                "back office trusts ('qr verify --trusted FILE')."})
    static final class ExportPublic implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.json", description = "Where to write the file.")
        Path file;

        @Override
        public Integer call() throws Exception {
            String text = keys.keys().exportPublic(StoreOptions.defaults().terminalId());
            Path target = file.toAbsolutePath();
            Path temp = Files.createTempFile(target.getParent(), ".keys", ".json");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            spec.commandLine().getOut().println("wrote " + keys.keys().keys().size() + " public key(s) to " + file);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
