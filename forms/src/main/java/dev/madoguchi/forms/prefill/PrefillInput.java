package dev.madoguchi.forms.prefill;

import dev.madoguchi.domain.Sex;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything pre-fill can take values from. Any part may be absent ({@code null}): a 転入 resident has no register
 * record yet, a resident without a card has no card read.
 *
 * @param interview the clerk's interview answers by key ({@code interview.KEY} in definitions)
 * @param office values the office supplies by key ({@code office.KEY}); {@code office.today} is {@code today}
 * @param newHouseholdHead the name of the 世帯主 of the household the movers form ({@code household.newHead}), or
 *        {@code null}: for a 転入 from a 転出証明書, or a 転居 of part of a register household, the former 世帯主 when
 *        they move along, the only mover, otherwise the mover the clerk chose (a household that splits); the register
 *        knows nothing of that household yet
 */
public record PrefillInput(CardRead card, RegisterRecord register, Household household, Map<String, String> interview,
        Map<String, String> office, LocalDate today, String newHouseholdHead) {

    public PrefillInput {
        interview = interview == null ? Map.of() : Map.copyOf(interview);
        office = office == null ? Map.of() : Map.copyOf(office);
        Objects.requireNonNull(today, "today");
    }

    /** Without a household the movers form (no move, or the register's household stays as it is). */
    public PrefillInput(CardRead card, RegisterRecord register, Household household, Map<String, String> interview,
            Map<String, String> office, LocalDate today) {
        this(card, register, household, interview, office, today, null);
    }

    /** Every available value by its source key ({@code card.name}, {@code register.address}, …). */
    Map<String, String> valuesBySource() {
        Map<String, String> values = new HashMap<>();
        if (card != null) {
            put(values, "card.name", card.name());
            put(values, "card.address", card.address());
            put(values, "card.birthDate", card.birthDate());
            put(values, "card.sex", sex(card.sex()));
            foreign(values, "card.", card.foreign());
        }
        if (register != null) {
            put(values, "register.residentCode", register.residentCode());
            put(values, "register.name", register.name());
            put(values, "register.nameKana", register.nameKana());
            put(values, "register.birthDate", register.birthDate());
            put(values, "register.sex", sex(register.sex()));
            put(values, "register.address", register.address());
            put(values, "register.postalCode", register.postalCode());
            put(values, "register.relationship", register.relationship());
            put(values, "register.householdHead", register.householdHead());
            foreign(values, "register.", register.foreign());
        }
        if (household != null) {
            household.head().ifPresent(head -> put(values, "household.head", head.name()));
            put(values, "household.size", String.valueOf(household.members().size()));
        }
        put(values, "household.newHead", newHouseholdHead);
        interview.forEach((key, value) -> put(values, "interview." + key, value));
        office.forEach((key, value) -> put(values, "office." + key, value));
        put(values, "office.today", today);
        return values;
    }

    private static void foreign(Map<String, String> values, String prefix, ForeignResidentItems foreign) {
        if (foreign != null) {
            put(values, prefix + "nationality", foreign.nationality());
            put(values, prefix + "residenceStatus", foreign.residenceStatus());
            put(values, prefix + "periodOfStay", foreign.periodOfStay());
            put(values, prefix + "stayExpiry", foreign.stayExpiry());
            put(values, prefix + "residenceCardNumber", foreign.residenceCardNumber());
            put(values, prefix + "foreignCategory", foreign.category());
        }
    }

    private static void put(Map<String, String> values, String key, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            values.put(key, value.toString());
        }
    }

    private static String sex(Sex sex) {
        if (sex == null) {
            return null;
        }
        return switch (sex) {
            case MALE -> "男";
            case FEMALE -> "女";
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "PrefillInput[card=" + (card != null) + ", register=" + (register != null) + ", household="
                + (household != null) + ", newHouseholdHead=" + (newHouseholdHead != null) + ", interviewKeys="
                + interview.keySet() + ", today=" + today + "]";
    }
}
