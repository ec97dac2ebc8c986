package dev.madoguchi.domain.shelter;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is in a shelter now: everyone checked in and not checked out, wherever they stay, with the counts staff report.
 *
 * @param people ordered by kana, then name, then person id
 * @param present how many people
 * @param households how many distinct households
 * @param day how many are present by day
 * @param night how many are present by night
 */
public record Present(String shelterId, List<PresentPerson> people, int present, int households, int day, int night) {

    public Present {
        people = List.copyOf(people);
    }

    /** The list with its counts computed from it. */
    public static Present of(String shelterId, List<PresentPerson> people) {
        Set<String> households = new HashSet<>();
        int day = 0;
        int night = 0;
        for (PresentPerson p : people) {
            households.add(p.householdId());
            day += p.day() ? 1 : 0;
            night += p.night() ? 1 : 0;
        }
        return new Present(shelterId, people, people.size(), households.size(), day, night);
    }
}
