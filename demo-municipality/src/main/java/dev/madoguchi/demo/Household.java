package dev.madoguchi.demo;

import java.util.Objects;

/**
 * A household (世帯) of the demo register.
 *
 * @param id household id, {@code H} and at least six digits, e.g. {@code H000001}
 * @param headResidentId the id of the 世帯主
 * @param address the household's address as the register writes it (full-width digits, U+3000 before a building)
 * @param postalCode {@code 000-XXXX}; the fictional prefix 000 is not used in Japan
 */
public record Household(String id, String headResidentId, String address, String postalCode) {

    public Household {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(headResidentId, "headResidentId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(postalCode, "postalCode");
    }
}
