package dev.madoguchi.forms.prefill;

import java.util.List;
import java.util.Optional;

/** A household from the register: its members with their 続柄. {@link #toString()} prints no personal data. */
public record Household(String householdId, List<HouseholdMember> members) {

    public Household {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** The member whose 続柄 is 世帯主. */
    public Optional<HouseholdMember> head() {
        return members.stream().filter(m -> "世帯主".equals(m.relationship())).findFirst();
    }

    @Override
    public String toString() {
        return "Household[id=" + householdId + ", members=" + members.size() + "]";
    }
}
