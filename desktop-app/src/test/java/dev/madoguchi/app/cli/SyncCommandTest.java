package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.Main;
import dev.madoguchi.backend.BackendConfig;
import dev.madoguchi.backend.ReferenceBackend;
import dev.madoguchi.backend.submission.Resource;
import dev.madoguchi.domain.shelter.ShelterSamples;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.audit.AuditAction;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code madoguchi sync} against the real reference backend on loopback. */
class SyncCommandTest {

    private static final String PASSPHRASE = "correct horse battery";
    private final InputStream originalIn = System.in;

    @TempDir
    Path dataDir;

    private ReferenceBackend backend;
    private String token;

    private record Run(int code, String out, String err) {}

    @BeforeEach
    void startBackend() {
        backend = ReferenceBackend.start(BackendConfig.forTests(BackendConfig.h2FileUrl(dataDir.resolve("backend"))));
        token = backend.terminals().register("T-CLI").value();
    }

    @AfterEach
    void stop() {
        System.setIn(originalIn);
        backend.close();
    }

    private Run sync(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        all[2] = "sync";
        System.arraycopy(args, 0, all, 3, args.length);
        System.setIn(new ByteArrayInputStream((PASSPHRASE + "\n").getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void syncsOnceReportsJsonAndHandlesABlockedMessageWithoutPrintingTheToken() throws Exception {
        Path storeDir = AppPaths.resolve(dataDir).storeDirectory();
        try (LocalStore store = LocalStore.create(storeDir, new dev.madoguchi.store.clerks.Clerk("admin", "管理者",
                dev.madoguchi.store.clerks.Role.ADMINISTRATOR), PASSPHRASE.toCharArray(), StoreOptions.defaults())) {
            store.cases().open("R1", "転入", "{\"name\":\"𠮷田\"}", null);
            store.cases().open("R2", "転入", "not json", null);
            store.shelter().saveShelter(ShelterSamples.shelter("S1"));
            store.shelter().checkIn("S1", ShelterSamples.household("H1", ShelterSamples.person("E1", "甲")));
        }
        Path tokenFile = dataDir.resolve("token");
        Files.writeString(tokenFile, token + "\n");

        Run noConfig = sync("--clerk", "admin", "--once");
        assertThat(noConfig.code()).isEqualTo(2);
        assertThat(noConfig.err()).contains("no backend configured");

        Run once = sync("--clerk", "admin", "--once", "--json", "--backend", backend.baseUri().toString(),
                "--token-file", tokenFile.toString());
        assertThat(once.code()).as(once.err()).isZero();
        JsonNode status = new ObjectMapper().readTree(once.out().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(status.get("state").asText()).isEqualTo("CONNECTED");
        assertThat(status.get("delivered").asLong()).isEqualTo(2);
        assertThat(status.get("blocked").asLong()).isEqualTo(1);
        assertThat(status.get("waiting").asLong()).isZero();
        assertThat(backend.submissions().count(Resource.APPLICATIONS)).isEqualTo(1);
        assertThat(backend.submissions().count(Resource.EVACUEE_EVENTS)).isEqualTo(1);
        assertThat(once.out() + once.err()).doesNotContain(token.substring(token.indexOf('.') + 1));

        // the configuration is kept: the next run needs no options; words instead of JSON
        Run again = sync("--clerk", "admin", "--once");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("同期：送信待ちなし・最終同期").contains("1 件は送信できません");

        Run blocked = sync("blocked", "--clerk", "admin", "--json");
        JsonNode list = new ObjectMapper().readTree(blocked.out());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("problemCode").asText()).isEqualTo("LOCAL-PAYLOAD");
        String id = list.get(0).get("id").asText();

        Path exported = dataDir.resolve("blocked.json");
        Run export = sync("export", "--clerk", "admin", id, exported.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(new ObjectMapper().readTree(exported.toFile()).get("payloadText").asText()).isEqualTo("not json");

        Run discard = sync("discard", "--clerk", "admin", id, "--reason", "様式の不備のため窓口で再受付");
        assertThat(discard.code()).as(discard.err()).isZero();
        Run retryDiscarded = sync("retry", "--clerk", "admin", id);
        assertThat(retryDiscarded.code()).isEqualTo(1);
        assertThat(retryDiscarded.err()).contains("STORE-009");

        // without --once it keeps running (here stopped after two passes by a hidden test option)
        Run loop = sync("--clerk", "admin", "--max-passes", "2");
        assertThat(loop.code()).as(loop.err()).isZero();
        assertThat(loop.out()).contains("同期：送信待ちなし");

        Run statusNow = sync("status", "--clerk", "admin", "--json");
        assertThat(new ObjectMapper().readTree(statusNow.out()).get("blocked").asLong()).isZero();

        try (LocalStore store = LocalStore.open(storeDir, "admin", PASSPHRASE.toCharArray(), StoreOptions.defaults())) {
            assertThat(store.audit().tail(20)).anyMatch(e -> e.action() == AuditAction.SYNC_DISCARD);
            assertThat(store.audit().tail(20)).anyMatch(e -> e.action() == AuditAction.EXPORT);
            assertThat(store.audit().verify().intact()).isTrue();
        }
    }

    @Test
    void fileExportWritesCompleteFilesAndAWrongPassphraseIsOneLine() throws Exception {
        Path storeDir = AppPaths.resolve(dataDir).storeDirectory();
        try (LocalStore store = LocalStore.create(storeDir, new dev.madoguchi.store.clerks.Clerk("admin", "管理者",
                dev.madoguchi.store.clerks.Role.ADMINISTRATOR), PASSPHRASE.toCharArray(), StoreOptions.defaults())) {
            store.cases().open("R1", "転入", "{}", null);
            store.shelter().saveShelter(ShelterSamples.shelter("S1"));
            store.shelter().checkIn("S1", ShelterSamples.household("H1", ShelterSamples.person("E1", "甲")));
        }
        Path folder = Files.createDirectories(dataDir.resolve("linkage"));
        Run export = sync("file-export", "--clerk", "admin", folder.toString(), "--roster", "S1");
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("1 applications, 1 shelter events in 4 files").contains("roster of S1");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(6)
                    .allMatch(n -> n.endsWith(".csv") || n.endsWith(".jsonl"));
        }

        System.setIn(new ByteArrayInputStream("wrong passphrase\n".getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"--data-dir", dataDir.toString(), "sync", "status", "--clerk", "admin"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines().filter(l -> l.startsWith("madoguchi sync status:"))).hasSize(1);
        assertThat(err.toString()).contains("STORE-005").doesNotContain("Exception");
    }
}
