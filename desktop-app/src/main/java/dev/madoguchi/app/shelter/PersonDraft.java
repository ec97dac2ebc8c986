package dev.madoguchi.app.shelter;

import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The person being added to a household, from the card, a pre-registration QR or typed, before staff have finished
 * their details. Personal data: {@link #toString()} shows none.
 *
 * @param residentId the register id staff confirmed, "" when none (not in the register, or not confirmed)
 * @param flags care flags the QR brought (staff review them)
 * @param consent the QR's consent, or null when the person is still to be asked
 * @param signedBy who signed the QR ("" for a card, manual entry or a plain QR)
 */
public record PersonDraft(IdentifiedBy by, String name, String kana, LocalDate birthDate, Sex sex, String address,
        String phone, List<CareFlag> flags, Consent consent, String residentId, String signedBy) {

    public PersonDraft {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(name, "name");
        kana = kana == null ? "" : kana;
        address = address == null ? "" : address;
        phone = phone == null ? "" : phone;
        flags = List.copyOf(flags == null ? List.of() : flags);
        residentId = residentId == null ? "" : residentId;
        signedBy = signedBy == null ? "" : signedBy;
    }

    /** The same person with the register id staff confirmed (and the register's kana when there was none). */
    public PersonDraft matched(String registerId, String registerKana) {
        return new PersonDraft(by, name, kana.isEmpty() && registerKana != null ? registerKana : kana, birthDate, sex,
                address, phone, flags, consent, registerId, signedBy);
    }

    @Override
    public String toString() {
        return "PersonDraft[" + by + ", matched=" + !residentId.isEmpty() + "]";
    }
}
