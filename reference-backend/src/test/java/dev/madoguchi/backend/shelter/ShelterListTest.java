package dev.madoguchi.backend.shelter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code GET /api/v1/shelters} serves: the operator's file as written (re-read), the demo list, or nothing. */
class ShelterListTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theFileIsServedAsWrittenAndReReadAtEveryRequest() throws IOException {
        Path file = dir.resolve("shelters.json");
        Files.writeString(file, "[{\"id\": \"S1\", \"name\": \"第一小学校\", \"extra\": 1}]");
        ShelterList list = new ShelterList("999991", file, 1L);
        JsonNode body = JSON.readTree(list.json());
        assertThat(body.path("municipalityCode").asText()).isEqualTo("999991");
        assertThat(body.path("shelters").toString()).as("the checks are the client's")
                .isEqualTo("[{\"id\":\"S1\",\"name\":\"第一小学校\",\"extra\":1}]");
        Files.writeString(file, "[]");
        assertThat(JSON.readTree(list.json()).path("shelters")).isEmpty();
        Files.writeString(file, "{\"shelters\": []}");
        assertThatThrownBy(list::json).isInstanceOf(IOException.class).hasMessageContaining("not a JSON array");
    }

    @Test
    void withoutAFileTheDemoSheltersOrNothing() throws IOException {
        JsonNode demo = JSON.readTree(new ShelterList("999991", null, 20240401L).json()).path("shelters");
        assertThat(demo).hasSize(3);
        assertThat(demo.get(0).path("id").asText()).isEqualTo("demo-1");
        assertThat(demo.get(0).path("features").toString()).contains("pets-allowed");
        assertThat(JSON.readTree(new ShelterList("999991", null, null).json()).path("shelters")).isEmpty();
    }
}
