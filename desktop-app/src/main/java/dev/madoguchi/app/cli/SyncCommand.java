package dev.madoguchi.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.outbox.SyncStatusText;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.outbox.OutboxStatus;
import dev.madoguchi.store.outbox.OutboxMessage;
import dev.madoguchi.sync.SyncPolicy;
import dev.madoguchi.sync.SyncReport;
import dev.madoguchi.sync.SyncService;
import dev.madoguchi.sync.SyncServices;
import dev.madoguchi.sync.SyncSettings;
import dev.madoguchi.sync.SyncState;
import dev.madoguchi.sync.SyncStatus;
import dev.madoguchi.sync.file.FileExport;
import dev.madoguchi.sync.file.FileLinkageService;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code madoguchi sync}: sends the outbox to the backend and pulls register changes (docs/adr/0012-sync-engine.md).
 * Without {@code --once} it keeps running (Ctrl+C stops it; an interrupted pass is resent on the next start, the
 * backend deduplicates). The backend URL and terminal token are kept in the store's settings (encrypted at rest); the
 * token is read from a file, never from an argument, and never printed. Output holds counts, ids and problem codes,
 * never personal data.
 */
@Command(name = "sync",
        mixinStandardHelpOptions = true,
        description = {"Sends waiting applications and shelter events to the backend and pulls register changes.",
            "The clerk's passphrase is read from the console or standard input. While the desktop app has the store",
            "open, it syncs itself (the store file is locked to one process)."},
        subcommands = {SyncCommand.Status.class, SyncCommand.Blocked.class, SyncCommand.Retry.class,
            SyncCommand.Discard.class, SyncCommand.Export.class, SyncCommand.FileExportCommand.class},
        modelTransformer = ClerkSession.OptionalOnGroup.class)
public final class SyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClerkSession clerk;

    @Option(names = "--once", description = "One pass: send what is due, pull the register, then exit.")
    boolean once;

    @Option(names = "--json", scope = picocli.CommandLine.ScopeType.INHERIT, description = "Print JSON.")
    boolean json;

    @Option(names = "--backend", paramLabel = "URL",
            description = "Backend base URL to store in the settings (https; http only to a loopback address).")
    URI backend;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File whose first line is this terminal's token (<terminalId>.<secret>); stored encrypted.")
    Path tokenFile;

    @Option(names = "--trust-store", paramLabel = "FILE",
            description = "Certificates (PEM/DER) or a PKCS12/JKS trust store for the backend's TLS certificate.")
    Path trustStore;

    @Option(names = "--trust-store-password-file", paramLabel = "FILE",
            description = "File with the trust store's password (PKCS12/JKS only).")
    Path trustStorePasswordFile;

    @Option(names = "--max-passes", hidden = true, defaultValue = "0",
            description = "Stop after this many passes without --once (tests).")
    int maxPasses;

    @Override
    public Integer call() throws Exception {
        return clerk.run(store -> {
            configureIfAsked(store);
            Optional<SyncService> sync = SyncServices.forStore(store, SyncPolicy.defaults(), Clock.systemUTC());
            if (sync.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "no backend configured: give --backend URL and "
                        + "--token-file FILE once (they are kept in the store's settings)");
            }
            PrintWriter out = spec.commandLine().getOut();
            SyncTotals totals = new SyncTotals();
            SyncReport report;
            if (once) {
                int passes = 0;
                do {
                    report = sync.get().runOnce();
                    totals.add(report);
                } while (report.moreDue() && ++passes < 10_000);
                print(out, report.status(), totals);
                return report.status().state() == SyncState.CONNECTED ? 0 : 1;
            }
            String shown = null;
            int passes = 0;
            while (true) {
                report = sync.get().runOnce();
                totals.add(report);
                String line = json ? null : words(report.status());
                if (json || !line.equals(shown)) {
                    print(out, report.status(), totals);
                    shown = line;
                }
                if (maxPasses > 0 && ++passes >= maxPasses) {
                    return 0;
                }
                Thread.sleep(Math.max(200, Math.min(report.suggestedWait().toMillis(), 60_000)));
            }
        });
    }

    private void configureIfAsked(LocalStore store) throws IOException {
        if (backend == null && tokenFile == null && trustStore == null) {
            return;
        }
        String token = tokenFile == null ? null : firstLine(tokenFile);
        char[] password = trustStorePasswordFile == null ? null : firstLine(trustStorePasswordFile).toCharArray();
        try {
            new SyncSettings(store.settings()).configure(backend, token, trustStore, password);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } finally {
            if (password != null) {
                Arrays.fill(password, ' ');
            }
        }
        spec.commandLine().getErr().println("sync: backend configuration stored in the local store's settings");
    }

    private String firstLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new ParameterException(spec.commandLine(), file + " is empty");
        }
        return lines.get(0).strip();
    }

    private String words(SyncStatus status) {
        return new SyncStatusText(new Messages(Language.JAPANESE), ZoneId.systemDefault()).describe(status,
                Clock.systemUTC().instant());
    }

    private void print(PrintWriter out, SyncStatus s, SyncTotals totals) {
        if (json) {
            ObjectNode n = new ObjectMapper().createObjectNode();
            n.put("state", s.state().name());
            n.put("waiting", s.waiting());
            n.put("blocked", s.blocked());
            n.put("lastSuccessAt", s.lastSuccessAt() == null ? null : s.lastSuccessAt().toString());
            n.put("unreachableSince", s.unreachableSince() == null ? null : s.unreachableSince().toString());
            n.put("nextAttemptAt", s.nextAttemptAt() == null ? null : s.nextAttemptAt().toString());
            n.put("lastProblem", s.lastProblem());
            n.put("delivered", totals.delivered);
            n.put("repeats", totals.repeats);
            n.put("retried", totals.retried);
            n.put("newlyBlocked", totals.blocked);
            n.put("recovered", totals.recovered);
            n.put("registerChanges", totals.registerChanges);
            out.println(n);
        } else {
            out.println(words(s) + (totals.delivered + totals.repeats + totals.registerChanges > 0
                    ? " (delivered " + totals.delivered + ", repeats " + totals.repeats + ", register changes "
                            + totals.registerChanges + ")" : ""));
        }
        out.flush();
    }

    /** What the passes of one command did. */
    static final class SyncTotals {
        long delivered;
        long repeats;
        long retried;
        long blocked;
        long recovered;
        long registerChanges;

        void add(SyncReport r) {
            delivered += r.delivered();
            repeats += r.repeats();
            retried += r.retried();
            blocked += r.blocked();
            recovered += r.recovered();
            registerChanges += r.registerChanges();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Prints the sync state without contacting the backend.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        SyncCommand sync;

        @Mixin
        ClerkSession clerk;

        @Override
        public Integer call() throws Exception {
            return clerk.run(store -> {
                var counts = store.outbox().openCounts();
                boolean configured = new SyncSettings(store.settings()).backend().isPresent();
                var last = store.settings().get(SyncService.LAST_SUCCESS_SETTING).map(java.time.Instant::parse)
                        .orElse(null);
                SyncState state = !configured ? SyncState.NOT_CONFIGURED
                        : last == null ? SyncState.STARTING : SyncState.CONNECTED;
                SyncStatus s = new SyncStatus(state,
                        counts.waiting() + counts.sending(), counts.blocked(), last, null, null, null);
                sync.print(sync.spec.commandLine().getOut(), s, new SyncTotals());
                return 0;
            });
        }
    }

    @Command(name = "blocked", mixinStandardHelpOptions = true,
            description = "Lists the messages the backend refused (id, aggregate, kind, problem); no personal data.")
    static final class Blocked implements Callable<Integer> {
        @ParentCommand
        SyncCommand sync;

        @Mixin
        ClerkSession clerk;

        @Override
        public Integer call() throws Exception {
            return clerk.run(store -> {
                List<OutboxMessage> blocked = store.outbox().withStatus(OutboxStatus.BLOCKED, 1_000);
                PrintWriter out = sync.spec.commandLine().getOut();
                if (sync.json) {
                    ArrayNode list = new ObjectMapper().createArrayNode();
                    for (OutboxMessage m : blocked) {
                        ObjectNode n = list.addObject();
                        n.put("id", m.id().toString());
                        n.put("aggregateType", m.aggregateType());
                        n.put("aggregateId", m.aggregateId());
                        n.put("sequence", m.aggregateSeq());
                        n.put("kind", m.kind());
                        n.put("attempts", m.attempts());
                        n.put("problemCode", m.problemCode());
                        n.put("problem", m.lastError());
                    }
                    out.println(list);
                } else if (blocked.isEmpty()) {
                    out.println("no blocked messages");
                } else {
                    for (OutboxMessage m : blocked) {
                        out.printf("%s  %s/%s #%d  %s  %s  %s%n", m.id(), m.aggregateType(), m.aggregateId(),
                                m.aggregateSeq(), m.kind(), m.problemCode(), m.lastError());
                    }
                }
                return 0;
            });
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Sends a blocked message again at the next sync (audited).")
    static final class Retry implements Callable<Integer> {
        @ParentCommand
        SyncCommand sync;

        @Mixin
        ClerkSession clerk;

        @Parameters(index = "0", paramLabel = "ID")
        UUID id;

        @Override
        public Integer call() throws Exception {
            return clerk.run(store -> {
                store.outbox().retry(id);
                sync.spec.commandLine().getOut().printf("%s will be sent again at the next sync%n", id);
                return 0;
            });
        }
    }

    @Command(name = "discard", mixinStandardHelpOptions = true,
            description = {"Gives up on a blocked message: it is never sent, the reason is kept with it and in the",
                "audit journal, and the messages after it (same case or shelter) are sent."})
    static final class Discard implements Callable<Integer> {
        @ParentCommand
        SyncCommand sync;

        @Mixin
        ClerkSession clerk;

        @Parameters(index = "0", paramLabel = "ID")
        UUID id;

        @Option(names = "--reason", required = true, description = "Why (kept in the audit journal).")
        String reason;

        @Override
        public Integer call() throws Exception {
            return clerk.run(store -> {
                boolean cancelled = store.outbox().discard(id, reason)
                        == dev.madoguchi.store.outbox.DiscardOutcome.CASE_CANCELLED;
                sync.spec.commandLine().getOut().printf("%s discarded%s%n", id,
                        cancelled ? "; its case is cancelled (its My Number is purged after the retention period)" : "");
                return 0;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes a message (with its payload and the backend's problem) to a JSON file, e.g. to",
                "hand it to the municipality by other means (audited). The file holds personal data: delete it",
                "after use."})
    static final class Export implements Callable<Integer> {
        @ParentCommand
        SyncCommand sync;

        @Mixin
        ClerkSession clerk;

        @Parameters(index = "0", paramLabel = "ID")
        UUID id;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            return clerk.run(store -> {
                OutboxMessage m = store.outbox().export(id, file.getFileName().toString());
                Path target = dev.madoguchi.app.outbox.OutboxMessageFile.write(m, file);
                sync.spec.commandLine().getOut().printf("%s written to %s (it holds personal data: delete it after "
                        + "use)%n", id, target);
                return 0;
            });
        }
    }

    @Command(name = "file-export", mixinStandardHelpOptions = true,
            description = {"File linkage: writes waiting applications and shelter events to FOLDER as UTF-8 JSON",
                "lines and CSV and marks them delivered once the files are complete; --roster adds a shelter's",
                "current roster."})
    static final class FileExportCommand implements Callable<Integer> {
        @ParentCommand
        SyncCommand sync;

        @Mixin
        ClerkSession clerk;

        @Parameters(index = "0", paramLabel = "FOLDER")
        Path folder;

        @Option(names = "--roster", paramLabel = "SHELTER", description = "A shelter whose roster to write too.")
        List<String> rosters = new ArrayList<>();

        @Option(names = "--per-file", defaultValue = "5000", description = "Messages per file (default: ${DEFAULT-VALUE}).")
        int perFile;

        @Override
        public Integer call() throws Exception {
            return clerk.run(store -> {
                String terminal = new SyncSettings(store.settings()).backend().map(c -> c.terminalId())
                        .orElse("terminal");
                FileLinkageService files = new FileLinkageService(store.outbox(), store.shelter(), terminal,
                        Clock.systemUTC());
                PrintWriter out = sync.spec.commandLine().getOut();
                FileExport export = files.exportPending(folder, perFile);
                out.printf("delivered by file: %d applications, %d shelter events in %d files%n",
                        export.applications(), export.evacueeEvents(), export.files().size());
                for (String shelter : rosters) {
                    List<Path> written = files.exportRoster(folder, shelter);
                    out.printf("roster of %s: %s%n", shelter, written.get(1).getFileName());
                }
                return 0;
            });
        }
    }
}
