package dev.madoguchi.forms.qr;

import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.Consent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One person's pre-registration for a shelter, as carried by a pre-registration QR (docs/shelter-qr.md): the items
 * ①–⑤ of the safety-information form (name, kana, birth date, sex, address) and, when the person gave them, a phone
 * number, care flags and the consent items ⑫⑬⑭. Personal data: {@link #toString()} shows none.
 *
 * @param kana "" when not given
 * @param birthDate null when not given
 * @param sex null when not given
 * @param address "" when not given
 * @param phone "" when not given
 * @param consent null when the person was not asked (staff ask at check-in)
 * @param reference the municipality's pre-registration number, "" when none
 * @param issuedAt when the payload was made (signed payloads always have it), or null
 */
public record PreRegistration(String name, String kana, LocalDate birthDate, Sex sex, String address, String phone,
        List<CareFlag> flags, Consent consent, String reference, Instant issuedAt) {

    /** Most characters (code points) of a name; longer names do not fit the size budget. */
    public static final int MAX_NAME = 40;
    public static final int MAX_KANA = 60;
    public static final int MAX_ADDRESS = 120;
    public static final int MAX_PHONE = 20;
    public static final int MAX_FLAGS = 10;
    public static final int MAX_FLAG_DETAIL = 20;
    public static final int MAX_REFERENCE = 32;

    public PreRegistration {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a pre-registration has a name");
        }
        kana = kana == null ? "" : kana;
        address = address == null ? "" : address;
        phone = phone == null ? "" : phone;
        reference = reference == null ? "" : reference;
        flags = List.copyOf(flags == null ? List.of() : flags);
        limit("name", name, MAX_NAME);
        limit("kana", kana, MAX_KANA);
        limit("address", address, MAX_ADDRESS);
        limit("phone", phone, MAX_PHONE);
        limit("reference", reference, MAX_REFERENCE);
        if (flags.size() > MAX_FLAGS) {
            throw new IllegalArgumentException("at most " + MAX_FLAGS + " care flags");
        }
        for (CareFlag f : flags) {
            limit("a flag's detail", f.detail(), MAX_FLAG_DETAIL);
        }
    }

    private static void limit(String what, String text, int max) {
        if (text.codePointCount(0, text.length()) > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
    }

    @Override
    public String toString() {
        return "PreRegistration[" + (reference.isEmpty() ? "no reference" : "reference") + ", flags=" + flags.size()
                + "]";
    }
}
