package dev.madoguchi.backend.shelter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.DemoShelters;
import dev.madoguchi.domain.shelter.Shelter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The municipality's shelter list (避難所一覧) that {@code GET /api/v1/shelters} serves (docs/adr/0028). The list is
 * kept by the municipality's staff as a JSON file (an array of shelter objects, docs/shelter.md "Shelter list"), read
 * at every request so an edit is served without a restart; without a file, a backend with demo data serves the demo
 * municipality's shelters, and one without serves an empty list. The backend passes the records on as written: the
 * terminal checks each and refuses the bad ones (a reference backend shows the client's checks, it does not hide them).
 */
public final class ShelterList {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String municipalityCode;
    private final Path file;
    private final List<Shelter> demo;

    /**
     * @param file the list's JSON file, or null
     * @param demoSeed the demo municipality whose shelters are served without a file, or null for none
     */
    public ShelterList(String municipalityCode, Path file, Long demoSeed) {
        this.municipalityCode = municipalityCode;
        this.file = file;
        this.demo = file != null || demoSeed == null ? List.of()
                : DemoShelters.generate(DemoMunicipality.generate(demoSeed, 0), 3, 0).shelters();
    }

    /**
     * The response body: {@code {"municipalityCode", "shelters": [...]}}.
     *
     * @throws IOException when the file cannot be read or is not a JSON array (the operator's mistake: the terminals
     *     keep what they have)
     */
    public String json() throws IOException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("municipalityCode", municipalityCode);
        ArrayNode shelters = body.putArray("shelters");
        if (file != null) {
            JsonNode list = MAPPER.readTree(Files.readString(file));
            if (list == null || !list.isArray()) {
                throw new IOException("the shelter list " + file.getFileName() + " is not a JSON array");
            }
            list.forEach(shelters::add);
        } else {
            for (Shelter s : demo) {
                ObjectNode n = shelters.addObject();
                n.put("id", s.id());
                n.put("name", s.name());
                n.put("address", s.address());
                n.put("dayCapacity", s.dayCapacity());
                n.put("nightCapacity", s.nightCapacity());
                s.spaces().forEach(n.putArray("spaces")::add);
                ArrayNode features = n.putArray("features");
                s.features().stream().sorted().forEach(f -> features.add(f.code()));
            }
        }
        return body.toString();
    }
}
