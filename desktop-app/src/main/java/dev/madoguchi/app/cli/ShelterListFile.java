package dev.madoguchi.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.madoguchi.domain.shelter.Coded;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.ShelterFeature;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.shelter.ShelterJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A municipality's shelter list as JSON (an array of shelters) or CSV (docs/shelter.md); wrong input names the line. */
public final class ShelterListFile {

    static final List<String> CSV_HEADER = List.of("id", "name", "address", "dayCapacity", "nightCapacity", "spaces",
            "features");

    private ShelterListFile() {
    }

    public static List<Shelter> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Shelter> out = new ArrayList<>();
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            JsonNode all;
            try {
                all = ShelterJson.read(text);
            } catch (IllegalArgumentException e) {
                throw new StoreException(StoreError.BAD_INPUT, "the shelter list is not JSON", e);
            }
            if (!all.isArray()) {
                throw new StoreException(StoreError.BAD_INPUT, "the shelter list is not a JSON array", null);
            }
            int i = 0;
            for (JsonNode n : all) {
                i++;
                try {
                    out.add(ShelterJson.shelter(n));
                } catch (IllegalArgumentException e) {
                    throw new StoreException(StoreError.BAD_INPUT, "shelter " + i + ": " + e.getMessage(), e);
                }
            }
            return out;
        }
        List<List<String>> rows = csv(text);
        if (rows.isEmpty() || !rows.get(0).equals(CSV_HEADER)) {
            throw new StoreException(StoreError.BAD_INPUT, "line 1: the header is " + String.join(",", CSV_HEADER),
                    null);
        }
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            try {
                if (r.size() != CSV_HEADER.size()) {
                    throw new IllegalArgumentException("expected " + CSV_HEADER.size() + " fields");
                }
                Set<ShelterFeature> features = EnumSet.noneOf(ShelterFeature.class);
                for (String f : split(r.get(6))) {
                    features.add(Coded.parse(ShelterFeature.class, f));
                }
                out.add(new Shelter(r.get(0), r.get(1), r.get(2), number(r.get(3)), number(r.get(4)),
                        split(r.get(5)), features));
            } catch (IllegalArgumentException e) {
                throw new StoreException(StoreError.BAD_INPUT, "line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static int number(String text) {
        return text.isBlank() ? 0 : Integer.parseInt(text.strip());
    }

    private static List<String> split(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split("\\|")).map(String::strip).toList();
    }

    /** RFC 4180 fields (quotes, doubled quotes, CRLF or LF). */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
