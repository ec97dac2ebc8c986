package dev.madoguchi.sync.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.madoguchi.domain.shelter.Coded;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.ShelterFeature;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the shelter list and checks each record strictly (docs/shelter.md "Shelter list"): an object with only the keys
 * id, name, address, dayCapacity, nightCapacity, spaces, features; id and name present; capacities whole numbers from 0;
 * spaces an array of names; features known codes; an id only once. A record failing any of these is refused (named by
 * its position and id) and never stored; the others are kept. A body without its shelters array is a bad answer.
 */
final class ShelterListJson {

    private static final Set<String> KEYS = Set.of("id", "name", "address", "dayCapacity", "nightCapacity", "spaces",
            "features");
    private static final int MAX_TEXT = 200;

    private ShelterListJson() {
    }

    static ShelterListPage page(JsonNode root) throws BackendJson.BadAnswerException {
        JsonNode list = root.get("shelters");
        String municipality = root.path("municipalityCode").asText("");
        if (list == null || !list.isArray() || municipality.isEmpty()) {
            throw new BackendJson.BadAnswerException("the shelter list lacks shelters or municipalityCode");
        }
        List<Shelter> kept = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int position = 0;
        for (JsonNode r : list) {
            position++;
            String id = r.path("id").isTextual() && r.path("id").asText().matches("[A-Za-z0-9_-]{1,40}")
                    ? r.path("id").asText() : "?";
            try {
                Shelter s = shelter(r);
                if (!ids.add(s.id())) {
                    throw new IllegalArgumentException("the id appears twice in the list");
                }
                kept.add(s);
            } catch (IllegalArgumentException e) {
                refusals.add("shelter " + position + " (" + id + "): " + e.getMessage());
            }
        }
        return new ShelterListPage(municipality, kept, refusals);
    }

    private static Shelter shelter(JsonNode r) {
        if (!r.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        r.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown key " + k);
            }
        });
        List<String> spaces = new ArrayList<>();
        for (JsonNode s : array(r, "spaces")) {
            spaces.add(text(s, "a space"));
        }
        Set<ShelterFeature> features = EnumSet.noneOf(ShelterFeature.class);
        for (JsonNode f : array(r, "features")) {
            features.add(Coded.parse(ShelterFeature.class, text(f, "a feature")));
        }
        if (!r.path("id").isTextual() || !r.path("name").isTextual()) {
            throw new IllegalArgumentException("id and name are text and required");
        }
        String address = r.has("address") && !r.get("address").isNull() ? text(r.get("address"), "the address") : "";
        return new Shelter(r.get("id").asText(), text(r.get("name"), "the name"), address, capacity(r, "dayCapacity"),
                capacity(r, "nightCapacity"), spaces, features);
    }

    private static Iterable<JsonNode> array(JsonNode r, String key) {
        JsonNode a = r.get(key);
        if (a == null || a.isNull()) {
            return List.of();
        }
        if (!a.isArray()) {
            throw new IllegalArgumentException(key + " is not an array");
        }
        return a;
    }

    private static String text(JsonNode n, String what) {
        if (!n.isTextual() || n.asText().isBlank() || n.asText().length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " is not a text of 1-" + MAX_TEXT + " characters");
        }
        return n.asText();
    }

    private static int capacity(JsonNode r, String key) {
        JsonNode n = r.get(key);
        if (n == null || n.isNull()) {
            return 0;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 0) {
            throw new IllegalArgumentException(key + " is not a whole number from 0");
        }
        return n.asInt();
    }
}
