package dev.madoguchi.domain.shelter;

/**
 * Pets that came with a household.
 *
 * @param where where they are kept (e.g. 屋外ケージ); "" when not said
 */
public record Pet(String species, int count, String where) {

    public Pet {
        if (species == null || species.isBlank()) {
            throw new IllegalArgumentException("a pet has a species");
        }
        if (count < 1) {
            throw new IllegalArgumentException("a pet count is at least 1");
        }
        where = where == null ? "" : where;
    }
}
