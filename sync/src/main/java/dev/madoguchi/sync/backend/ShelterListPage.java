package dev.madoguchi.sync.backend;

import dev.madoguchi.domain.shelter.Shelter;
import java.util.List;

/**
 * {@code GET /api/v1/shelters}: the municipality's shelters fit to store, and the records refused (position, id when
 * readable, and why — never stored).
 */
public record ShelterListPage(String municipalityCode, List<Shelter> shelters, List<String> refusals) {

    public ShelterListPage {
        shelters = List.copyOf(shelters);
        refusals = List.copyOf(refusals);
    }
}
