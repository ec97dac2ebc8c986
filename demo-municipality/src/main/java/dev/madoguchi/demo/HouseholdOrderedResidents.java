package dev.madoguchi.demo;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The generator's immutable resident list: residents grouped by household in household order, head first, so that
 * {@link DemoMunicipality#membersOf(String)} is a slice instead of a scan. Equal to any list with the same elements.
 */
final class HouseholdOrderedResidents extends AbstractList<Resident> implements RandomAccess {

    private final Resident[] residents;
    private final int[] householdStarts;
    private final List<Household> households;

    /**
     * @param householdStarts index of each household's first member, plus one final entry equal to the resident count
     * @param households the list these residents are ordered by (compared by identity)
     */
    HouseholdOrderedResidents(Resident[] residents, int[] householdStarts, List<Household> households) {
        this.residents = residents;
        this.householdStarts = householdStarts;
        this.households = households;
    }

    @Override
    public Resident get(int index) {
        return residents[index];
    }

    @Override
    public int size() {
        return residents.length;
    }

    boolean isOrderedBy(List<Household> candidate) {
        return candidate == households;
    }

    List<Resident> membersOfHouseholdAt(int householdIndex) {
        return List.of(Arrays.copyOfRange(residents, householdStarts[householdIndex],
                householdStarts[householdIndex + 1]));
    }
}
