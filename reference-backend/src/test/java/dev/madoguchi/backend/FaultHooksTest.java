package dev.madoguchi.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.madoguchi.backend.submission.Resource;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test hooks the sync client's fault tests use: cut after commit, 503, slow answers, stop and restart. */
class FaultHooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aCutAfterCommitStoresTheWriteAndTheRetryGetsItsReceipt() throws Exception {
        try (ReferenceBackend backend = ReferenceBackend.start(BackendConfig.forTests(BackendConfig.h2FileUrl(temp)))) {
            ApiClient api = new ApiClient(backend.baseUri(), backend.terminals().register("T-1").value());
            String id = UUID.randomUUID().toString();
            String body = ApiClient.body("T-1", "case.opened", "case-1", 1, "{}");
            backend.faults().cutNextAfterCommit(1);
            assertThatThrownBy(() -> api.put("api/v1/applications/" + id, body)).isInstanceOf(IOException.class);
            assertThat(backend.faults().cutsMade()).isEqualTo(1);
            assertThat(backend.submissions().count(Resource.APPLICATIONS)).as("committed before the cut").isEqualTo(1);

            HttpResponse<String> retry = api.put("api/v1/applications/" + id, body);
            assertThat(retry.statusCode()).isEqualTo(200);
            assertThat(retry.body()).isEqualTo(backend.submissions().find(Resource.APPLICATIONS, UUID.fromString(id))
                    .orElseThrow().receiptJson());

            // a whole batch is committed, then its answer is cut
            String batch = "{\"items\":[" + IdempotencyTest.item(UUID.randomUUID().toString(), "applications",
                    "case.opened", "case-2", 1) + "," + IdempotencyTest.item(UUID.randomUUID().toString(),
                    "evacuee-events", "shelter.checked-in", "shelter-1", 1) + "]}";
            backend.faults().cutNextAfterCommit(1);
            assertThatThrownBy(() -> api.post("api/v1/batch", batch)).isInstanceOf(IOException.class);
            assertThat(backend.submissions().count(Resource.APPLICATIONS)).isEqualTo(2);
            assertThat(backend.submissions().count(Resource.EVACUEE_EVENTS)).isEqualTo(1);
            assertThat(JSON.readTree(api.post("api/v1/batch", batch).body()).get("results").findValues("status"))
                    .extracting(n -> n.asInt()).containsExactly(200, 200);
        }
    }

    @Test
    void seededRandomCutsLoseNothingWhenTheClientRetries() throws Exception {
        try (ReferenceBackend backend = ReferenceBackend.start(BackendConfig.forTests(BackendConfig.h2FileUrl(temp)))) {
            ApiClient api = new ApiClient(backend.baseUri(), backend.terminals().register("T-1").value());
            backend.faults().cutAfterCommit(0.5, 42);
            int attempts = 0;
            for (int i = 0; i < 40; i++) {
                String id = UUID.randomUUID().toString();
                String body = ApiClient.body("T-1", "shelter.checked-in", "shelter-1", i, "{}");
                while (true) {
                    attempts++;
                    try {
                        int status = api.put("api/v1/evacuee-events/" + id, body).statusCode();
                        assertThat(status).isIn(200, 201);
                        break;
                    } catch (IOException cut) {
                        // retry, as the sync client does
                    }
                }
            }
            assertThat(backend.faults().cutsMade()).isGreaterThan(5).isEqualTo(attempts - 40);
            assertThat(backend.submissions().count(Resource.EVACUEE_EVENTS)).isEqualTo(40);
        }
    }

    @Test
    void unavailableAnswers503WithRetryAfterAndTouchesNothing() throws Exception {
        try (ReferenceBackend backend = ReferenceBackend.start(BackendConfig.forTests(BackendConfig.h2FileUrl(temp)))) {
            ApiClient api = new ApiClient(backend.baseUri(), backend.terminals().register("T-1").value());
            backend.faults().answerUnavailable(true);
            HttpResponse<String> r = api.put("api/v1/applications/" + UUID.randomUUID(),
                    ApiClient.body("T-1", "case.opened", "c", 1, "{}"));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).contains("1");
            assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("API-503-UNAVAILABLE");
            HttpResponse<String> health = api.get("health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("DOWN");
            assertThat(backend.submissions().count(Resource.APPLICATIONS)).isZero();

            backend.faults().clear();
            assertThat(api.put("api/v1/applications/" + UUID.randomUUID(),
                    ApiClient.body("T-1", "case.opened", "c", 1, "{}")).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void slowAnswersLetAClientTimeOut() throws Exception {
        try (ReferenceBackend backend = ReferenceBackend.start(BackendConfig.forTests(BackendConfig.h2FileUrl(temp)))) {
            ApiClient api = new ApiClient(backend.baseUri(), backend.terminals().register("T-1").value());
            backend.faults().delayAnswers(Duration.ofMillis(800));
            assertThatThrownBy(() -> api.send(api.request("health").timeout(Duration.ofMillis(200)).GET().build()))
                    .isInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    void stoppedAndRestartedOnTheSamePortAndDatabaseItKeepsEverything() throws Exception {
        BackendConfig config = BackendConfig.forTests(BackendConfig.h2FileUrl(temp));
        String id = UUID.randomUUID().toString();
        String body = ApiClient.body("T-1", "case.opened", "case-1", 1, "{\"a\":\"𠮷\"}");
        String token;
        String receipt;
        String checkpoint;
        int port;
        try (ReferenceBackend backend = ReferenceBackend.start(config)) {
            token = backend.terminals().register("T-1").value();
            backend.register().upsert(java.util.List.of(Residents.resident(1, "𠮷田")));
            ApiClient api = new ApiClient(backend.baseUri(), token);
            receipt = api.put("api/v1/applications/" + id, body).body();
            checkpoint = JSON.readTree(api.get("api/v1/register/changes").body()).get("checkpoint").asText();
            port = backend.port();
        }
        ApiClient down = new ApiClient(java.net.URI.create("http://127.0.0.1:" + port + "/"), token);
        assertThatThrownBy(() -> down.get("health")).isInstanceOf(IOException.class);
        try (ReferenceBackend again = ReferenceBackend.start(config.withPort(port))) {
            assertThat(again.port()).isEqualTo(port);
            HttpResponse<String> repeat = down.put("api/v1/applications/" + id, body);
            assertThat(repeat.statusCode()).isEqualTo(200);
            assertThat(repeat.body()).isEqualTo(receipt);
            // the register and its checkpoints survive the restart too
            again.register().upsert(java.util.List.of(Residents.resident(2, "髙橋")));
            HttpResponse<String> next = down.get("api/v1/register/changes?since=" + checkpoint);
            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(next.body()).get("changes").findValuesAsText("residentId"))
                    .containsExactly("R0000002");
        }
    }

    @Test
    void theHooksAreOffUnlessTheBackendWasStartedForTests() {
        BackendConfig production = BackendConfig.builder(BackendConfig.h2FileUrl(temp)).port(0).demoResidents(0)
                .build();
        try (ReferenceBackend backend = ReferenceBackend.start(production)) {
            assertThatThrownBy(backend::faults).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("test hooks are off");
        }
    }
}
