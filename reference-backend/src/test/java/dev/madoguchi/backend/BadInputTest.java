package dev.madoguchi.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.madoguchi.backend.submission.Resource;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets the right 4xx problem and stores nothing. Real HTTP on loopback, H2 file. */
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = ApiClient.body("T-1", "case.opened", "case-1", 1,
            "{\"name\":\"山田太郎\",\"address\":\"架空県窓口市本町１丁目\"}");

    @TempDir
    static Path temp;
    static ReferenceBackend backend;
    static ApiClient api;
    static String token;

    @BeforeAll
    static void start() {
        backend = ReferenceBackend.start(BackendConfig.forTests(BackendConfig.h2FileUrl(temp)));
        token = backend.terminals().register("T-1").value();
        api = new ApiClient(backend.baseUri(), token);
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(backend.submissions().count(Resource.APPLICATIONS)).isZero();
        assertThat(backend.submissions().count(Resource.EVACUEE_EVENTS)).isZero();
    }

    private static String path() {
        return "api/v1/applications/" + UUID.randomUUID();
    }

    /** A problem+json with every member, the expected code, and no personal data from the request. */
    private static JsonNode problem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json; charset=utf-8");
        JsonNode p = JSON.readTree(response.body());
        assertThat(p.get("type").asText()).startsWith("https://madoguchi.dev/problems/");
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(p.get("code").asText()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("山田", "太郎", "本町");
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON | {\"aggregateId\": ",
        "trailing data | {\"a\":1} {\"b\":2}",
        "an empty body | ' '",
        "a duplicate key | {\"kind\":\"case.opened\",\"kind\":\"case.closed\"}",
        "a comment | {/* x */}",
        "a single-quoted string | {'a':1}"})
    void malformedJsonIsRefused(String what, String body) throws Exception {
        problem(api.put(path(), body), 400, "API-400-MALFORMED-JSON");
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        byte[] bytes = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        broken[bytes.length - 3] = (byte) 0xC3; // cut a multi-byte sequence inside the payload
        broken[bytes.length - 2] = (byte) '"';
        HttpResponse<String> r = api.send(api.request(path()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(broken)).build());
        problem(r, 400, "API-400-MALFORMED-JSON");
    }

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', value = {
        "sequence as a string | \"sequence\":1 | \"sequence\":\"1\" | /sequence",
        "sequence with a fraction | \"sequence\":1 | \"sequence\":1.5 | /sequence",
        "a negative sequence | \"sequence\":1 | \"sequence\":-1 | /sequence",
        "a sequence too large | \"sequence\":1 | \"sequence\":9223372036854775808 | /sequence",
        "aggregateId as a number | \"aggregateId\":\"case-1\" | \"aggregateId\":5 | /aggregateId",
        "an empty aggregateId | \"aggregateId\":\"case-1\" | \"aggregateId\":\"\" | /aggregateId",
        "payload not an object | \"payload\":{ | \"payload\":\"x\",\"p\":{ | /payload",
        "kind null | \"kind\":\"case.opened\" | \"kind\":null | /kind",
        "a kind of another resource | \"kind\":\"case.opened\" | \"kind\":\"shelter.checked-in\" | /kind",
        "recordedAt without an offset | 2026-12-01T10:42:00.000+09:00 | 2026-12-01T10:42:00 | /recordedAt",
        "recordedAt not a time | 2026-12-01T10:42:00.000+09:00 | yesterday | /recordedAt",
        "recordedAt out of range | 2026-12-01T10:42:00.000+09:00 | +99999-12-01T10:42:00Z | /recordedAt",
        "terminalId not a terminal id | \"terminalId\":\"T-1\" | \"terminalId\":\"T 1\" | /terminalId",
        "an unknown field | \"sequence\":1 | \"sequence\":1,\"priority\":\"high\" | /priority",
        "a missing field | \"sequence\":1, | '' | /sequence",
        "U+0000 in the payload | 山田太郎 | 山田\\u0000 | /payload/name",
        "an unpaired surrogate in the payload | 山田太郎 | \\ud842 | /payload/name"})
    void wrongTypesMissingOrUnknownFieldsAreValidationProblemsPointingAtTheField(String what, String from, String to,
            String pointer) throws Exception {
        String body = VALID.replace(from, to);
        assertThat(body).as("the test changes the body").isNotEqualTo(VALID);
        if (what.startsWith("payload not")) {
            body = body.replace(",\"p\":{\"name\":\"山田太郎\",\"address\":\"架空県窓口市本町１丁目\"}", "");
        }
        JsonNode p = problem(api.put(path(), body), 400, "API-400-VALIDATION");
        assertThat(p.get("errors")).isNotEmpty();
        assertThat(p.get("errors").findValuesAsText("pointer")).contains(pointer);
    }

    @Test
    void aBodyThatIsNotAnObjectIsAValidationProblem() throws Exception {
        problem(api.put(path(), "[1,2]"), 400, "API-400-VALIDATION");
    }

    @Test
    void anIdThatIsNotAUuidIsAValidationProblem() throws Exception {
        problem(api.put("api/v1/applications/42", VALID), 400, "API-400-VALIDATION");
    }

    @Test
    void aBodyOverOneMebibyteIs413WithOrWithoutContentLength() throws Exception {
        String big = VALID.replace("山田太郎", "x".repeat(1024 * 1024));
        problem(api.put(path(), big), 413, "API-413-TOO-LARGE");
        HttpResponse<String> chunked = api.send(api.request(path()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build());
        problem(chunked, 413, "API-413-TOO-LARGE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"text/plain", "application/xml", "application/json; charset=iso-8859-1",
        "application/x-www-form-urlencoded"})
    void anotherContentTypeIs415(String contentType) throws Exception {
        HttpResponse<String> r = api.send(api.request(path()).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(VALID)).build());
        problem(r, 415, "API-415-UNSUPPORTED-MEDIA-TYPE");
    }

    @Test
    void noContentTypeIs415() throws Exception {
        HttpResponse<String> r = api.send(api.request(path()).PUT(HttpRequest.BodyPublishers.ofString(VALID))
                .build());
        problem(r, 415, "API-415-UNSUPPORTED-MEDIA-TYPE");
    }

    @Test
    void withoutATokenIs401WithAChallenge() throws Exception {
        HttpResponse<String> r = api.withToken(null).put(path(), VALID);
        problem(r, 401, "API-401-UNAUTHENTICATED");
        assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"madoguchi\"");
        problem(api.withToken(null).get("api/v1/register/changes"), 401, "API-401-UNAUTHENTICATED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not a bearer token | Basic dXNlcjpwdw==",
        "a malformed token | Bearer T-1",
        "a wrong secret | Bearer T-1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "an unknown terminal | Bearer T-404.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void anInvalidTokenIs401InvalidToken(String what, String authorization) throws Exception {
        HttpResponse<String> r = api.send(new ApiClient(backend.baseUri(), null).request(path())
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(VALID)).build());
        problem(r, 401, "API-401-UNAUTHENTICATED");
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).contains("error=\"invalid_token\""));
    }

    @Test
    void aRevokedTerminalIs403AndARotatedTokenReplacesTheOldOne() throws Exception {
        String other = backend.terminals().register("T-2").value();
        ApiClient t2 = api.withToken(other);
        backend.terminals().revoke("T-2");
        problem(t2.put(path(), VALID.replace("\"T-1\"", "\"T-2\"")), 403, "API-403-TERMINAL-REVOKED");
        problem(t2.get("api/v1/register/changes"), 403, "API-403-TERMINAL-REVOKED");
        String rotated = backend.terminals().rotate("T-2").value();
        problem(t2.get("api/v1/register/changes"), 401, "API-401-UNAUTHENTICATED");
        assertThat(api.withToken(rotated).get("api/v1/register/changes").statusCode()).isEqualTo(200);
    }

    @Test
    void aSubmissionInTheNameOfAnotherTerminalIs422() throws Exception {
        backend.terminals().register("T-3");
        problem(api.put(path(), VALID.replace("\"T-1\"", "\"T-3\"")), 422, "API-422-TERMINAL-MISMATCH");
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() throws Exception {
        problem(api.get("api/v1/nothing-here"), 404, "API-404-NOT-FOUND");
        problem(api.get("index.html"), 404, "API-404-NOT-FOUND");
        HttpResponse<String> delete = api.send(api.request(path()).DELETE().build());
        problem(delete, 405, "API-405-METHOD-NOT-ALLOWED");
        assertThat(delete.headers().firstValue("Allow")).contains("PUT");
        problem(api.get(path()), 405, "API-405-METHOD-NOT-ALLOWED");
    }

    @Test
    void requestsJettyRefusesAreProblemsWithJettysStatus() throws Exception {
        HttpResponse<String> r = api.send(api.request("api/v1/register/changes")
                .header("X-Padding", "x".repeat(20_000)).GET().build());
        assertThat(r.statusCode()).isEqualTo(431);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json; charset=utf-8");
        assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("API-431-HTTP");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not an object | [] ",
        "no items | {}",
        "items not an array | {\"items\":{}}",
        "no item | {\"items\":[]}",
        "an unknown field | {\"items\":[1],\"mode\":\"fast\"}"})
    void anUnreadableBatchIsAValidationProblem(String what, String body) throws Exception {
        problem(api.post("api/v1/batch", body), 400, "API-400-VALIDATION");
    }

    @Test
    void aBatchOfMoreThan500ItemsIsRefused() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            items.append(i == 0 ? "" : ",").append(IdempotencyTest.item(UUID.randomUUID().toString(), "applications",
                    "case.opened", "a", i));
        }
        problem(api.post("api/v1/batch", "{\"items\":[" + items + "]}"), 400, "API-400-VALIDATION");
    }

    @Test
    void badBatchItemsEachGetTheirProblemAndStoreNothing() throws Exception {
        String good = IdempotencyTest.item(UUID.randomUUID().toString(), "applications", "case.opened", "a", 1);
        String body = "{\"items\":["
                + "7,"
                + good.replace("\"applications\"", "\"residents\"") + ","
                + good.replace("\"sequence\":1", "\"sequence\":\"1\"") + ","
                + good.replace("\"terminalId\":\"T-1\"", "\"terminalId\":\"T-9\"") + ","
                + "{\"resource\":\"applications\"," + good.substring(good.indexOf("\"aggregateId\"")) + ","
                + good.replace("{\"i\":1}", "{\"i\":\"" + "x".repeat(1024 * 1024) + "\"}")
                + "]}";
        HttpResponse<String> r = api.post("api/v1/batch", body);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(r.body()).get("results");
        assertThat(results).hasSize(6);
        assertThat(results).extracting(item -> item.get("status").asInt()).containsExactly(400, 400, 400, 422, 400,
                413);
        assertThat(results.get(0).get("id").isNull()).isTrue();
        assertThat(results.get(2).get("problem").get("errors").findValuesAsText("pointer")).contains("/items/2/sequence");
        assertThat(results.get(4).get("problem").get("errors").findValuesAsText("pointer")).contains("/items/4/id");
        results.forEach(item -> assertThat(item.get("receipt").isNull()).isTrue());
    }

    @ParameterizedTest(name = "limit={0}")
    @CsvSource({"0", "1001", "abc", "-5"})
    void aLimitOutOfRangeIsAValidationProblem(String limit) throws Exception {
        problem(api.get("api/v1/register/changes?limit=" + limit), 400, "API-400-VALIDATION");
    }

    @Test
    void aSinceThatIsNoCheckpointIsACheckpointProblem() throws Exception {
        problem(api.get("api/v1/register/changes?since=garbage"), 400, "API-400-CHECKPOINT");
    }

    @Test
    void residentLookUpWithABadOrUnknownCode() throws Exception {
        problem(api.get("api/v1/residents/12345"), 400, "API-400-VALIDATION");
        problem(api.get("api/v1/residents/１２３４５６７８９０１"), 400, "API-400-VALIDATION");
        problem(api.get("api/v1/residents/12345678901"), 404, "API-404-RESIDENT-NOT-FOUND");
    }
}
