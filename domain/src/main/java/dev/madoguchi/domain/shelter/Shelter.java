package dev.madoguchi.domain.shelter;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One evacuation centre as data: from the municipality's list, the backend, or created on the spot.
 *
 * @param id the municipality's shelter id (letters, digits, '-', '_'; at most 40)
 * @param dayCapacity people by day; 0 when unknown
 * @param nightCapacity people by night (sleeping places); 0 when unknown
 * @param spaces named areas people are placed in, e.g. 体育館, 教室2
 */
public record Shelter(String id, String name, String address, int dayCapacity, int nightCapacity, List<String> spaces,
        Set<ShelterFeature> features) {

    public Shelter {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("a shelter id is 1-40 letters, digits, '-' or '_'");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a shelter has a name");
        }
        if (dayCapacity < 0 || nightCapacity < 0) {
            throw new IllegalArgumentException("a capacity is not negative");
        }
        address = address == null ? "" : address;
        spaces = List.copyOf(spaces == null ? List.of() : spaces);
        features = Set.copyOf(features == null ? Set.of() : features);
    }
}
