package dev.madoguchi.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.madoguchi.backend.register.DemoRegister;
import dev.madoguchi.backend.register.RegisterResident;
import dev.madoguchi.backend.submission.Resource;
import dev.madoguchi.demo.DemoMunicipality;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each endpoint of docs/api/openapi.yaml over real HTTP, on a backend seeded with a small demo municipality. */
class ApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEMO = 120;

    @TempDir
    static Path temp;
    static ReferenceBackend backend;
    static ApiClient api;

    @BeforeAll
    static void start() {
        backend = ReferenceBackend.start(BackendConfig.builder(BackendConfig.h2FileUrl(temp)).port(0)
                .demoResidents(DEMO).testHooks(true).build());
        api = new ApiClient(backend.baseUri(), backend.terminals().register("T-1").value());
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void healthIsUnauthenticatedAndNamesVersionAndDatabase() throws Exception {
        HttpResponse<String> r = api.withToken(null).get("health");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(r.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("version").asText()).isEqualTo(ReferenceBackend.version()).isNotEqualTo("unknown");
        assertThat(health.get("database").asText()).isEqualTo("H2");
    }

    @Test
    void theDemoRegisterIsSeededOnFirstStartAndPulledInPagesWithTheRegistersTexts() throws Exception {
        DemoMunicipality demo = DemoMunicipality.generate(DemoMunicipality.DEFAULT_SEED, DEMO);
        Map<String, RegisterResident> expected = new HashMap<>();
        DemoRegister.residentsOf(demo).forEach(r -> expected.put(r.residentId(), r));

        List<JsonNode> changes = new ArrayList<>();
        String since = null;
        int pages = 0;
        JsonNode page;
        do {
            HttpResponse<String> r = api.get("api/v1/register/changes?limit=50"
                    + (since == null ? "" : "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8)));
            assertThat(r.statusCode()).isEqualTo(200);
            page = JSON.readTree(r.body());
            assertThat(page.get("changes").size()).isLessThanOrEqualTo(50);
            page.get("changes").forEach(changes::add);
            since = page.get("checkpoint").asText();
            pages++;
        } while (page.get("hasMore").asBoolean());
        // other tests of this class add residents of their own (ids from R0800000); the demo's are all there
        changes.removeIf(c -> !expected.containsKey(c.path("resident").path("residentId").asText(
                c.path("residentId").asText())));
        assertThat(pages).isGreaterThanOrEqualTo((expected.size() + 49) / 50);
        assertThat(changes).hasSize(expected.size());
        for (JsonNode change : changes) {
            assertThat(change.get("type").asText()).isEqualTo("UPSERT");
            JsonNode resident = change.get("resident");
            RegisterResident r = expected.get(resident.get("residentId").asText());
            assertThat(resident.get("familyName").asText()).isEqualTo(r.familyName());
            assertThat(resident.get("address").asText()).isEqualTo(r.address());
            assertThat(resident.get("householdHeadResidentId").asText()).isEqualTo(r.householdHeadResidentId());
            assertThat(resident.has("myNumber")).isFalse();
        }
        // the register pull never carries My Numbers
        String all = changes.toString();
        demo.residents().forEach(r -> assertThat(all).doesNotContain(r.myNumber()));
    }

    @Test
    void theDefaultPageIs500AndUpsertsAndTombstonesFollowTheCheckpoint() throws Exception {
        JsonNode head = JSON.readTree(api.get("api/v1/register/changes?limit=1000").body());
        assertThat(head.get("changes").size()).isGreaterThanOrEqualTo(DEMO);
        String checkpoint = head.get("checkpoint").asText();

        RegisterResident added = Residents.foreignResident(900_001);
        backend.register().upsert(List.of(Residents.resident(900_002, "德永")));
        checkpoint = JSON.readTree(api.get("api/v1/register/changes?limit=1000&since="
                + URLEncoder.encode(checkpoint, StandardCharsets.UTF_8)).body()).get("checkpoint").asText();
        backend.register().upsert(List.of(added));
        backend.register().remove(List.of("R0900002"));
        JsonNode next = JSON.readTree(api.get("api/v1/register/changes?since="
                + URLEncoder.encode(checkpoint, StandardCharsets.UTF_8)).body());
        assertThat(next.get("hasMore").asBoolean()).isFalse();
        assertThat(next.get("changes")).hasSize(2);
        JsonNode upsert = next.get("changes").get(0);
        assertThat(upsert.get("type").asText()).isEqualTo("UPSERT");
        JsonNode resident = upsert.get("resident");
        assertThat(fieldNames(resident)).containsExactly("residentId", "residentCode", "householdId", "relationship",
                "familyName", "givenName", "familyNameKana", "givenNameKana", "birthDate", "sex", "postalCode",
                "address", "movedInOn", "householdHeadResidentId", "householdAddress", "nationality",
                "statusOfResidence", "periodOfStayEnd", "residenceCardNumber", "foreignCategory");
        assertThat(resident.get("sex").asText()).isEqualTo("M");
        assertThat(resident.get("birthDate").asText()).isEqualTo("1995-05-05");
        assertThat(resident.get("nationality").asText()).isEqualTo("ベトナム");
        assertThat(resident.get("periodOfStayEnd").asText()).isEqualTo("2027-01-09");
        assertThat(resident.get("foreignCategory").asText()).isEqualTo("中長期在留者");
        JsonNode tombstone = next.get("changes").get(1);
        assertThat(fieldNames(tombstone)).containsExactly("type", "residentId", "removedAt");
        assertThat(tombstone.get("type").asText()).isEqualTo("TOMBSTONE");
        assertThat(tombstone.get("residentId").asText()).isEqualTo("R0900002");
        assertThat(tombstone.get("removedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        // a default page holds at most 500
        backend.register().upsert(java.util.stream.IntStream.range(0, 600)
                .mapToObj(n -> Residents.resident(800_000 + n, "佐藤")).toList());
        JsonNode defaultPage = JSON.readTree(api.get("api/v1/register/changes?since="
                + URLEncoder.encode(next.get("checkpoint").asText(), StandardCharsets.UTF_8)).body());
        assertThat(defaultPage.get("changes")).hasSize(500);
        assertThat(defaultPage.get("hasMore").asBoolean()).isTrue();
    }

    @Test
    void aResidentIsLookedUpByResidentCode() throws Exception {
        RegisterResident r = DemoRegister.residentsOf(DemoMunicipality.generate(DemoMunicipality.DEFAULT_SEED, DEMO))
                .get(10);
        HttpResponse<String> found = api.get("api/v1/residents/" + r.residentCode());
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(found.body());
        assertThat(json.get("residentId").asText()).isEqualTo(r.residentId());
        assertThat(json.get("givenNameKana").asText()).isEqualTo(r.givenNameKana());
        assertThat(json.get("movedInOn").asText()).isEqualTo(r.movedInOn().toString());
    }

    @Test
    void evacueeEventsAreStoredAppendOnlyWithIncreasingReceiptNumbers() throws Exception {
        long previous = 0;
        for (String kind : List.of("shelter.checked-in", "shelter.checked-out", "shelter.checked-in")) {
            String id = UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
            HttpResponse<String> r = api.put("api/v1/evacuee-events/" + id,
                    ApiClient.body("T-1", kind, "shelter-7", previous, "{\"household\":\"H1\",\"persons\":4}"));
            assertThat(r.statusCode()).isEqualTo(201);
            JsonNode receipt = JSON.readTree(r.body());
            assertThat(receipt.get("id").asText()).isEqualTo(id.toLowerCase(java.util.Locale.ROOT));
            long number = Long.parseLong(receipt.get("receiptNumber").asText());
            assertThat(number).isGreaterThan(previous);
            previous = number;
        }
        assertThat(backend.submissions().list(Resource.EVACUEE_EVENTS)).extracting(s -> s.kind())
                .containsSubsequence("shelter.checked-in", "shelter.checked-out", "shelter.checked-in");
        // no way to change or remove what was stored
        HttpResponse<String> delete = api.send(api.request("api/v1/evacuee-events/" + UUID.randomUUID()).DELETE()
                .build());
        assertThat(delete.statusCode()).isEqualTo(405);
    }

    @Test
    void everyShelterEventKindIsAcceptedAndOtherKindsAreRefused() throws Exception {
        long seq = 0;
        for (String kind : List.of("shelter.corrected", "shelter.left-household", "shelter.presence-set")) {
            HttpResponse<String> r = api.put("api/v1/evacuee-events/" + UUID.randomUUID(),
                    ApiClient.body("T-1", kind, "shelter-8", ++seq, "{\"personId\":\"P1\"}"));
            assertThat(r.statusCode()).as(kind).isEqualTo(201);
        }
        for (String kind : List.of("shelter.deleted", "shelter.checked-in.x", "case.opened")) {
            HttpResponse<String> r = api.put("api/v1/evacuee-events/" + UUID.randomUUID(),
                    ApiClient.body("T-1", kind, "shelter-8", ++seq, "{\"personId\":\"P1\"}"));
            assertThat(r.statusCode()).as(kind).isEqualTo(400);
            assertThat(r.body()).contains("shelter.presence-set");
        }
    }

    @Test
    void aBodyJustUnderOneMebibyteIsStoredWhole() throws Exception {
        String small = ApiClient.body("T-1", "case.opened", "case-big", 1, "{\"scan\":\"\"}");
        String big = small.replace("{\"scan\":\"\"}", "{\"scan\":\"" + "あ".repeat(340_000) + "\"}");
        assertThat(big.getBytes(StandardCharsets.UTF_8).length).isBetween(1_000_000, 1024 * 1024);
        String id = UUID.randomUUID().toString();
        assertThat(api.put("api/v1/applications/" + id, big).statusCode()).isEqualTo(201);
        assertThat(backend.submissions().find(Resource.APPLICATIONS, UUID.fromString(id)).orElseThrow().payloadJson())
                .hasSize("{\"scan\":\"\"}".length() + 340_000);
        assertThat(api.put("api/v1/applications/" + id, big).statusCode()).isEqualTo(200);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
