package dev.madoguchi.domain.shelter;

import dev.madoguchi.domain.Sex;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One person as recorded at a shelter (様式第1号 ①–⑪ plus care flags and consent). Personal data:
 * {@link #toString()} shows only the id.
 *
 * @param personId this person's id across laptops and events (a UUID string, made on first check-in)
 * @param birthDate null when not known
 * @param address as written or read, kept as given
 * @param phone "" when none
 * @param residentId the local register's id when staff confirmed a match; "" for someone not in the register
 * @param injury ⑧⑨ injury or illness as described; "" when none
 */
public record Evacuee(String personId, String name, String kana, LocalDate birthDate, Sex sex, String address,
        String phone, String residentId, IdentifiedBy identifiedBy, List<CareFlag> flags, String injury,
        Consent consent) {

    public Evacuee {
        Objects.requireNonNull(personId, "personId");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a person has a name");
        }
        kana = kana == null ? "" : kana;
        sex = sex == null ? Sex.NOT_APPLICABLE : sex;
        address = address == null ? "" : address;
        phone = phone == null ? "" : phone;
        residentId = residentId == null ? "" : residentId;
        Objects.requireNonNull(identifiedBy, "identifiedBy");
        flags = List.copyOf(flags == null ? List.of() : flags);
        injury = injury == null ? "" : injury;
        consent = consent == null ? Consent.NONE : consent;
    }

    /** Whether the person has a flag of this kind. */
    public boolean has(CareKind kind) {
        return flags.stream().anyMatch(f -> f.kind() == kind);
    }

    @Override
    public String toString() {
        return "Evacuee[" + personId + "]";
    }
}
