package dev.madoguchi.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.madoguchi.backend.moveout.DemoMoveOuts;
import dev.madoguchi.backend.register.DemoRegister;
import dev.madoguchi.demo.DemoMunicipality;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/move-outs/pending} of docs/api/openapi.yaml over real HTTP, with the demo's seeded records. */
class MoveOutContractTest {

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

    private static JsonNode page(String query) throws Exception {
        HttpResponse<String> r = api.get("api/v1/move-outs/pending" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void theDemoRecordsAreSeededForPeopleNotInTheRegisterAndPagedByCheckpoint() throws Exception {
        JsonNode first = page("?limit=2");
        assertThat(first.fieldNames()).toIterable().containsExactly("municipalityCode", "records", "checkpoint",
                "hasMore");
        assertThat(first.get("municipalityCode").asText()).isEqualTo(DemoMoveOuts.MUNICIPALITY_CODE);
        assertThat(first.get("records")).hasSize(2);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        JsonNode family = first.get("records").get(0);
        assertThat(family.fieldNames()).toIterable().containsExactly("recordId", "toMunicipalityCode",
                "fromMunicipality", "previousAddress", "previousHead", "plannedMoveDate", "validUntil", "members");
        assertThat(family.get("members")).hasSize(3);
        assertThat(family.get("members").get(0).fieldNames()).toIterable().containsExactly("residentCode",
                "familyName", "givenName", "familyNameKana", "givenNameKana", "birthDate", "sex", "relationship",
                "nationality");
        assertThat(LocalDate.parse(family.get("validUntil").asText())).isAfter(LocalDate.now());
        JsonNode variant = first.get("records").get(1).get("members").get(0);
        assertThat(variant.get("familyName").asText()).as("the variation selector is kept").contains("\uDB40\uDD00");

        String checkpoint = first.get("checkpoint").asText();
        JsonNode rest = page("?since=" + checkpoint);
        assertThat(rest.get("hasMore").asBoolean()).isFalse();
        JsonNode again = page("?since=" + checkpoint);
        assertThat(again).as("the same checkpoint gives the same records").isEqualTo(rest);
        assertThat(page("?since=" + rest.get("checkpoint").asText()).get("records")).isEmpty();

        // nobody in a move-out record is in this municipality's register
        Set<String> registered = DemoRegister.residentsOf(DemoMunicipality.generate(DemoMunicipality.DEFAULT_SEED,
                DemoMunicipality.DEFAULT_RESIDENTS)).stream().map(r -> r.residentCode()).collect(Collectors.toSet());
        List<JsonNode> members = new ArrayList<>();
        for (JsonNode p : List.of(first, rest)) {
            p.get("records").forEach(r -> r.get("members").forEach(members::add));
        }
        assertThat(members).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(m -> assertThat(registered).doesNotContain(m.get("residentCode").asText()));
    }

    @Test
    void aNewRecordFollowsTheLastCheckpointAndABadCheckpointOrLimitIsAProblem() throws Exception {
        String end = page("?limit=1000").get("checkpoint").asText();
        var record = DemoMoveOuts.record("MO-TEST-1", "別県東市", "別県東市一番町１番", null, LocalDate.now(),
                LocalDate.now().plusDays(14));
        record.withArray("members").add(DemoMoveOuts.member("91000000065", "試験", "一", "シケン", "ハジメ",
                "2000-01-01", "N", "世帯主", null));
        backend.moveOuts().add(List.of(record), Instant.now());
        JsonNode next = page("?since=" + end);
        assertThat(next.get("records")).singleElement()
                .satisfies(r -> assertThat(r.get("recordId").asText()).isEqualTo("MO-TEST-1"));

        HttpResponse<String> bad = api.get("api/v1/move-outs/pending?since=r12");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("code").asText()).isEqualTo("API-400-CHECKPOINT");
        assertThat(api.get("api/v1/move-outs/pending?limit=0").statusCode()).isEqualTo(400);
        assertThat(api.withToken(null).get("api/v1/move-outs/pending").statusCode()).isEqualTo(401);
    }
}
