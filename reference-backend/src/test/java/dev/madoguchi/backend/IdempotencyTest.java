package dev.madoguchi.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.madoguchi.backend.submission.Resource;
import dev.madoguchi.backend.submission.StoredSubmission;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Exactly-once storage of submissions over real HTTP, on H2 and on PostgreSQL. */
class IdempotencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRepeatGetsTheFirstReceiptByteForByteAndADifferentBodyIsAConflict(TestDatabase db) throws Exception {
        try (ReferenceBackend backend = ReferenceBackend.start(BackendConfig.forTests(db.freshUrl(temp)))) {
            ApiClient api = new ApiClient(backend.baseUri(), backend.terminals().register("T-1").value());
            String id = UUID.randomUUID().toString();
            String body = ApiClient.body("T-1", "case.opened", "case-1", 1, "{\"form\":\"jumin-ido\",\"n\":[1,2]}");

            HttpResponse<String> first = api.put("api/v1/applications/" + id, body);
            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(first.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
            JsonNode receipt = JSON.readTree(first.body());
            assertThat(receipt.get("id").asText()).isEqualTo(id);
            assertThat(receipt.get("receiptNumber").asText()).matches("[1-9][0-9]*");
            assertThat(receipt.get("receivedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

            Thread.sleep(5); // a second later receivedAt would differ if it were not the stored one
            // the same body with other key order and white space is the same body
            String reordered = "{ \"payload\" : {\"n\":[1,2],\"form\":\"jumin-ido\"}, \"terminalId\":\"T-1\", "
                    + "\"kind\":\"case.opened\", \"sequence\":1, \"aggregateId\":\"case-1\", "
                    + "\"recordedAt\":\"2026-12-01T10:42:00.000+09:00\" }";
            HttpResponse<String> repeat = api.put("api/v1/applications/" + id, reordered);
            assertThat(repeat.statusCode()).isEqualTo(200);
            assertThat(repeat.body()).isEqualTo(first.body());

            HttpResponse<String> conflict = api.put("api/v1/applications/" + id,
                    ApiClient.body("T-1", "case.opened", "case-1", 2, "{\"form\":\"jumin-ido\",\"n\":[1,2]}"));
            assertThat(conflict.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(conflict.body()).get("code").asText()).isEqualTo("API-409-IDEMPOTENCY-CONFLICT");
            assertThat(conflict.headers().firstValue("Content-Type")).contains("application/problem+json; charset=utf-8");

            // the same id in the other resource is another submission (separate tables, separate keys)
            HttpResponse<String> event = api.put("api/v1/evacuee-events/" + id,
                    ApiClient.body("T-1", "shelter.checked-in", "shelter-9", 1, "{\"persons\":3}"));
            assertThat(event.statusCode()).isEqualTo(201);

            List<StoredSubmission> stored = backend.submissions().list(Resource.APPLICATIONS);
            assertThat(stored).singleElement().satisfies(s -> {
                assertThat(s.sequence()).isEqualTo(1);
                assertThat(s.receiptJson()).isEqualTo(first.body());
                assertThat(JSON.readTree(s.payloadJson())).isEqualTo(JSON.readTree("{\"form\":\"jumin-ido\",\"n\":[1,2]}"));
            });
            assertThat(backend.submissions().count(Resource.EVACUEE_EVENTS)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void fiftyConcurrentDuplicatesStoreExactlyOneRowAndAllGetItsReceipt(TestDatabase db) throws Exception {
        try (ReferenceBackend backend = ReferenceBackend.start(BackendConfig.forTests(db.freshUrl(temp)))) {
            ApiClient api = new ApiClient(backend.baseUri(), backend.terminals().register("T-1").value());
            String id = UUID.randomUUID().toString();
            String body = ApiClient.body("T-1", "shelter.checked-in", "shelter-1", 7, "{\"persons\":2}");
            List<HttpResponse<String>> answers = concurrently(50, () -> api.put("api/v1/evacuee-events/" + id, body));

            assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 201);
            assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(1);
            assertThat(answers.stream().map(HttpResponse::body).distinct()).hasSize(1);
            assertThat(backend.submissions().count(Resource.EVACUEE_EVENTS)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoBackendsOnOneDatabaseStillStoreEachIdOnce(TestDatabase db) throws Exception {
        String url = db.freshUrl(temp);
        try (ReferenceBackend a = ReferenceBackend.start(BackendConfig.forTests(url));
                ReferenceBackend b = ReferenceBackend.start(BackendConfig.forTests(url))) {
            String token = a.terminals().register("T-1").value();
            ApiClient viaA = new ApiClient(a.baseUri(), token);
            ApiClient viaB = new ApiClient(b.baseUri(), token);
            String id = UUID.randomUUID().toString();
            String body = ApiClient.body("T-1", "case.opened", "case-1", 1, "{}");
            int[] turn = {0};
            List<HttpResponse<String>> answers = concurrently(30, () -> {
                boolean first;
                synchronized (turn) {
                    first = turn[0]++ % 2 == 0;
                }
                return (first ? viaA : viaB).put("api/v1/applications/" + id, body);
            });
            assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
            assertThat(answers.stream().filter(r -> r.statusCode() == 200)).hasSize(29);
            assertThat(answers.stream().map(HttpResponse::body).distinct()).hasSize(1);
            assertThat(b.submissions().count(Resource.APPLICATIONS)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void concurrentDifferentBodiesForOneIdStoreOneAndConflictTheRest(TestDatabase db) throws Exception {
        try (ReferenceBackend backend = ReferenceBackend.start(BackendConfig.forTests(db.freshUrl(temp)))) {
            ApiClient api = new ApiClient(backend.baseUri(), backend.terminals().register("T-1").value());
            String id = UUID.randomUUID().toString();
            List<Integer> counter = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                counter.add(i);
            }
            List<HttpResponse<String>> answers = concurrently(20, () -> {
                int n;
                synchronized (counter) {
                    n = counter.remove(0);
                }
                return api.put("api/v1/applications/" + id,
                        ApiClient.body("T-1", "case.opened", "case-x", n, "{}"));
            });
            assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(1);
            assertThat(answers.stream().filter(a -> a.statusCode() == 409)).hasSize(19);
            assertThat(backend.submissions().count(Resource.APPLICATIONS)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBatchItemHasThePutsSemanticsAndEveryItemIsStoredOnce(TestDatabase db) throws Exception {
        try (ReferenceBackend backend = ReferenceBackend.start(BackendConfig.forTests(db.freshUrl(temp)))) {
            ApiClient api = new ApiClient(backend.baseUri(), backend.terminals().register("T-1").value());
            String viaPut = UUID.randomUUID().toString();
            String putBody = ApiClient.body("T-1", "case.opened", "case-1", 1, "{\"a\":1}");
            HttpResponse<String> put = api.put("api/v1/applications/" + viaPut, putBody);
            assertThat(put.statusCode()).isEqualTo(201);

            Set<String> ids = new HashSet<>();
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                items.append(item(id, i % 2 == 0 ? "applications" : "evacuee-events",
                        i % 2 == 0 ? "case.opened" : "shelter.checked-in", "agg-" + (i % 7), i)).append(',');
            }
            // the PUT's submission again (200, its receipt), the same id with another body (409), a broken item (400)
            items.append("{\"id\":\"").append(viaPut).append("\",\"resource\":\"applications\",")
                    .append(putBody.substring(1)).append(',');
            items.append(item(viaPut, "applications", "case.opened", "case-1", 2)).append(',');
            items.append("{\"id\":\"not-a-uuid\",\"resource\":\"applications\"}");
            String batch = "{\"items\":[" + items + "]}";

            HttpResponse<String> first = api.post("api/v1/batch", batch);
            assertThat(first.statusCode()).isEqualTo(200);
            JsonNode results = JSON.readTree(first.body()).get("results");
            assertThat(results).hasSize(303);
            for (int i = 0; i < 300; i++) {
                assertThat(results.get(i).get("status").asInt()).isEqualTo(201);
                assertThat(results.get(i).get("problem").isNull()).isTrue();
            }
            assertThat(results.get(300).get("status").asInt()).isEqualTo(200);
            assertThat(results.get(300).get("receipt")).isEqualTo(JSON.readTree(put.body()));
            assertThat(results.get(301).get("status").asInt()).isEqualTo(409);
            assertThat(results.get(301).get("problem").get("code").asText()).isEqualTo("API-409-IDEMPOTENCY-CONFLICT");
            assertThat(results.get(302).get("status").asInt()).isEqualTo(400);
            assertThat(results.get(302).get("id").asText()).isEqualTo("not-a-uuid");

            // the whole batch again (a client that lost the answer): every item 200 with the same receipts
            HttpResponse<String> again = api.post("api/v1/batch", batch);
            JsonNode second = JSON.readTree(again.body()).get("results");
            for (int i = 0; i < 301; i++) {
                assertThat(second.get(i).get("status").asInt()).isEqualTo(200);
                assertThat(second.get(i).get("receipt")).isEqualTo(i < 300 ? results.get(i).get("receipt")
                        : JSON.readTree(put.body()));
            }
            assertThat(backend.submissions().count(Resource.APPLICATIONS)).isEqualTo(151);
            assertThat(backend.submissions().count(Resource.EVACUEE_EVENTS)).isEqualTo(150);
            Set<String> stored = new HashSet<>();
            backend.submissions().list(Resource.APPLICATIONS).forEach(s -> stored.add(s.id().toString()));
            backend.submissions().list(Resource.EVACUEE_EVENTS).forEach(s -> stored.add(s.id().toString()));
            ids.add(viaPut);
            assertThat(stored).isEqualTo(ids);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSameIdTwiceInOneBatchIsStoredOnceAndAnsweredLikeARepeat(TestDatabase db) throws Exception {
        try (ReferenceBackend backend = ReferenceBackend.start(BackendConfig.forTests(db.freshUrl(temp)))) {
            ApiClient api = new ApiClient(backend.baseUri(), backend.terminals().register("T-1").value());
            String id = UUID.randomUUID().toString();
            String other = UUID.randomUUID().toString();
            String batch = "{\"items\":[" + item(id, "applications", "case.opened", "c", 1) + ","
                    + item(other, "applications", "case.opened", "c", 2) + ","
                    + item(id, "applications", "case.opened", "c", 1) + ","
                    + item(id, "applications", "case.opened", "c", 3) + "]}";
            JsonNode results = JSON.readTree(api.post("api/v1/batch", batch).body()).get("results");
            assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(201, 201, 200, 409);
            assertThat(results.get(2).get("receipt")).isEqualTo(results.get(0).get("receipt"));
            assertThat(backend.submissions().count(Resource.APPLICATIONS)).isEqualTo(2);
        }
    }

    static String item(String id, String resource, String kind, String aggregate, long seq) {
        return "{\"id\":\"" + id + "\",\"resource\":\"" + resource + "\","
                + ApiClient.body("T-1", kind, aggregate, seq, "{\"i\":" + seq + "}").substring(1);
    }

    static <T> List<T> concurrently(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
