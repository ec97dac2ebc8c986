package dev.madoguchi.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.madoguchi.backend.register.RegisterResident;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.cases.CaseStatus;
import dev.madoguchi.store.outbox.OutboxStatus;
import dev.madoguchi.sync.backend.BackendResult;
import dev.madoguchi.sync.backend.BatchItemResult;
import dev.madoguchi.sync.backend.HttpBackendClient;
import dev.madoguchi.sync.backend.OutgoingMessage;
import dev.madoguchi.sync.backend.Receipt;
import dev.madoguchi.sync.backend.RegisterPage;
import dev.madoguchi.sync.backend.ResidentRecord;
import dev.madoguchi.sync.backend.Resource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HttpBackendClient} and the engine against the real reference backend over HTTP on loopback. */
class ReferenceBackendContractTest {

    @TempDir
    Path dir;

    private BackendFixture fixture;
    private HttpBackendClient client;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void start() {
        fixture = new BackendFixture(dir.resolve("backend"));
        client = fixture.client();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private OutgoingMessage application(UUID id, String payload) throws Exception {
        return new OutgoingMessage(id, Resource.APPLICATIONS, "case-" + id, 1, "case.opened", BackendFixture.TERMINAL,
                Instant.parse("2026-12-01T01:42:00.120Z"), mapper.readTree(payload));
    }

    @Test
    void healthIsUp() {
        var health = (BackendResult.Success<dev.madoguchi.sync.backend.Health>) client.health();
        assertThat(health.body().up()).isTrue();
        assertThat(health.body().database()).isEqualTo("H2");
    }

    @Test
    void aPutIsIdempotentARepeatGetsTheFirstReceiptAndAnotherBodyIsAConflict() throws Exception {
        UUID id = UUID.randomUUID();
        var first = (BackendResult.Success<Receipt>) client.put(application(id, "{\"a\":\"𠮷\"}"));
        var again = (BackendResult.Success<Receipt>) client.put(application(id, "{\"a\":\"𠮷\"}"));
        var other = client.put(application(id, "{\"a\":\"different\"}"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(other).isInstanceOf(BackendResult.Refused.class);
        var conflict = (BackendResult.Refused<Receipt>) other;
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.problem().code()).isEqualTo("API-409-IDEMPOTENCY-CONFLICT");
        assertThat(fixture.stored(dev.madoguchi.backend.submission.Resource.APPLICATIONS)).hasSize(1);
    }

    @Test
    void aBatchAnswersEveryItemInOrderWithItsOwnStatus() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        OutgoingMessage event = new OutgoingMessage(b, Resource.EVACUEE_EVENTS, "S1", 1, "shelter.checked-in",
                BackendFixture.TERMINAL, Instant.parse("2026-12-01T01:42:00Z"), mapper.readTree("{\"e\":1}"));
        OutgoingMessage foreign = new OutgoingMessage(UUID.randomUUID(), Resource.EVACUEE_EVENTS, "S1", 2,
                "shelter.checked-out", "T-OTHER", Instant.parse("2026-12-01T01:43:00Z"), mapper.readTree("{}"));
        client.put(application(a, "{}"));

        var result = (BackendResult.Success<List<BatchItemResult>>) client.submitBatch(List.of(application(a, "{}"),
                event, foreign));

        assertThat(result.body()).extracting(BatchItemResult::status).containsExactly(200, 201, 422);
        assertThat(result.body().get(2).problem().code()).isEqualTo("API-422-TERMINAL-MISMATCH");
        assertThat(result.body().get(1).receipt().id()).isEqualTo(b.toString());
    }

    @Test
    void aWrongTokenIs401AndARevokedTerminalIs403AndTheEnginePauses() throws Exception {
        var wrong = new HttpBackendClient(dev.madoguchi.sync.backend.BackendConfig.of(fixture.baseUri(),
                BackendFixture.TERMINAL + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).put(application(
                UUID.randomUUID(), "{}"));
        assertThat(((BackendResult.Refused<Receipt>) wrong).status()).isEqualTo(401);

        fixture.backend().terminals().revoke(BackendFixture.TERMINAL);
        try (LocalStore store = SyncTestStores.create(dir.resolve("store"), Clock.systemUTC())) {
            store.cases().open("R1", "転入", "{}", null);
            SyncService sync = new SyncService(store.outbox(), store.registerPull(), store.settings(), client, SyncPolicy.defaults(),
                    BackendFixture.TERMINAL, Clock.systemUTC(), new Random(1));
            SyncReport r = sync.runOnce();
            assertThat(r.status().state()).isEqualTo(SyncState.REVOKED);
            assertThat(r.status().blocked()).isZero();
            assertThat(r.status().waiting()).isEqualTo(1);
            assertThat(r.status().lastProblem()).contains("API-403");
        }
    }

    @Test
    void anUnavailableBackendIsA503WithRetryAfter() throws Exception {
        fixture.backend().faults().answerUnavailable(true);
        var r = (BackendResult.Refused<Receipt>) client.put(application(UUID.randomUUID(), "{}"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.retryAfter()).isNotNull();
        assertThat(r.problem().code()).isEqualTo("API-503-UNAVAILABLE");
    }

    @Test
    void theEngineDeliversCasesAndShelterEventsAndPullsTheRegisterIntoTheLocalCopy() {
        List<RegisterResident> residents = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            residents.add(resident(i));
        }
        fixture.backend().register().upsert(residents);
        fixture.backend().register().remove(List.of("B-00003"));

        try (LocalStore store = SyncTestStores.create(dir.resolve("store"), Clock.systemUTC())) {
            List<SyncTestStores.Operation> ops = SyncTestStores.writeOperations(store, 60, 4, "c-");
            SyncService sync = new SyncService(store.outbox(), store.registerPull(), store.settings(), client,
                    SyncPolicy.defaults().withPages(7, 100, java.time.Duration.ofMinutes(5)), BackendFixture.TERMINAL,
                    Clock.systemUTC(), new Random(1));
            SyncReport r;
            do {
                r = sync.runOnce();
            } while (r.moreDue());

            assertThat(r.status().state()).isEqualTo(SyncState.CONNECTED);
            assertThat(store.outbox().counts().unfinished()).isZero();
            assertThat(fixture.stored(dev.madoguchi.backend.submission.Resource.APPLICATIONS)).hasSize(20);
            assertThat(fixture.stored(dev.madoguchi.backend.submission.Resource.EVACUEE_EVENTS)).hasSize(40);
            UUID aCase = ops.get(0).localId();
            assertThat(store.cases().find(aCase).orElseThrow().status()).isEqualTo(CaseStatus.SYNCED);
            var stored = fixture.backend().submissions().find(dev.madoguchi.backend.submission.Resource.APPLICATIONS,
                    store.outbox().withStatus(OutboxStatus.DONE, 1).get(0).id());
            assertThat(stored).isPresent();
            assertThat(store.register().residentCount()).isEqualTo(29);
            assertThat(store.register().findByResidentCode("10000000005")).isPresent();
            assertThat(store.register().findByResidentCode("10000000003")).isEmpty();

            // a later change arrives with the next pull
            fixture.backend().register().remove(List.of("B-00005"));
            sync.tryNow();
            sync.runOnce();
            assertThat(store.register().residentCount()).isEqualTo(28);
            assertThat(store.audit().verify().intact()).isTrue();
        }
    }

    @Test
    void aResidentIsLookedUpByTheirResidentCode() {
        fixture.backend().register().upsert(List.of(resident(7)));
        var found = (BackendResult.Success<ResidentRecord>) client.resident("10000000007");
        assertThat(found.body().resident().familyName()).isEqualTo("𠮷田");
        assertThat(found.body().householdHeadResidentId()).isEqualTo("B-00007");
        var missing = (BackendResult.Refused<ResidentRecord>) client.resident("19999999999");
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void registerPagesFollowTheCheckpoint() {
        List<RegisterResident> residents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            residents.add(resident(i));
        }
        fixture.backend().register().upsert(residents);
        var first = ((BackendResult.Success<RegisterPage>) client.registerChanges(null, 3)).body();
        assertThat(first.changes()).hasSize(3);
        assertThat(first.hasMore()).isTrue();
        var second = ((BackendResult.Success<RegisterPage>) client.registerChanges(first.checkpoint(), 3)).body();
        assertThat(second.changes()).hasSize(2);
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void overHttpsTheClientTrustsTheBackendsCertificateFromItsTrustStore() throws Exception {
        Path keystore = dir.resolve("backend.p12");
        Path cert = dir.resolve("backend.pem");
        keytool("-genkeypair", "-alias", "backend", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore",
                keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "backend", "-keystore", keystore.toString(), "-storepass",
                "changeit", "-file", cert.toString());
        try (dev.madoguchi.backend.ReferenceBackend tls = dev.madoguchi.backend.ReferenceBackend.start(
                dev.madoguchi.backend.BackendConfig.builder(dev.madoguchi.backend.BackendConfig.h2FileUrl(
                        dir.resolve("tls-backend"))).port(0).demoResidents(0).tls(keystore, "changeit").build())) {
            String token = tls.terminals().register("T-TLS").value();
            java.net.URI base = java.net.URI.create("https://127.0.0.1:" + tls.port() + "/");
            HttpBackendClient trusting = new HttpBackendClient(dev.madoguchi.sync.backend.BackendConfig.of(base, token)
                    .withTrustStore(cert, null));
            assertThat(trusting.health()).isInstanceOf(BackendResult.Success.class);
            OutgoingMessage m = new OutgoingMessage(UUID.randomUUID(), Resource.APPLICATIONS, "c1", 1, "case.opened",
                    "T-TLS", Instant.parse("2026-12-01T01:00:00Z"), mapper.readTree("{}"));
            assertThat(((BackendResult.Success<Receipt>) trusting.put(m)).status()).isEqualTo(201);

            var stranger = new HttpBackendClient(dev.madoguchi.sync.backend.BackendConfig.of(base, token)).put(m);
            assertThat(((BackendResult.Unreachable<Receipt>) stranger).reason()).isEqualTo(BackendResult.Reason.TLS);
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    static RegisterResident resident(int i) {
        String id = String.format("B-%05d", i);
        return new RegisterResident(id, String.format("1%010d", i), "H-" + id, "世帯主", "𠮷田", "太郎" + i, "ヨシダ",
                "タロウ", LocalDate.of(1980, 4, 1), Sex.MALE, "000-0001", "架空県窓口市本町１丁目", LocalDate.of(2020, 4, 1), id,
                "架空県窓口市本町１丁目", null, null, null, null, null);
    }
}
