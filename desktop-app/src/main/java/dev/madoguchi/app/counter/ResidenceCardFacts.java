package dev.madoguchi.app.counter;

import dev.madoguchi.card.residence.BackEntries;
import dev.madoguchi.card.residence.PrintedEntries;
import dev.madoguchi.card.residence.ResidenceCardRead;
import dev.madoguchi.card.residence.SignatureCheck;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.forms.prefill.ForeignResidentItems;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Objects;

/**
 * What a residence card or 特別永住者証明書 gave for a counter visit: the 住基法30条の45 items the forms take, as the chip
 * holds them (codes kept), the number the card accepted, and how its signature checked out. Personal: kept only with
 * the visit (and its draft), never logged — {@link #toString()} shows no value — and shown masked.
 *
 * @param cardType the card type's code ({@code residence-card-2} …)
 * @param cardNumber the 12 characters the card accepted (VERIFY), normalised
 * @param nationalityCode the chip's nationality/region code (2nd gen), or null
 * @param statusCode the chip's status-of-residence code as stored (2nd gen), or null
 * @param periodOfStay the chip's period of stay as stored ({@code 0000}, {@code YYMM} or days; 2nd gen), or null
 * @param periodEnd the end of the period of stay (2nd gen residence cards), or null
 * @param cardExpiry the card's expiry (2nd gen), or null
 * @param signature the signature check's status ({@link SignatureCheck.Status} name)
 * @param anchor the name of the trust anchor that verified the signature, or null
 */
public record ResidenceCardFacts(String cardType, String cardNumber, String nationalityCode, String statusCode,
        String periodOfStay, LocalDate periodEnd, LocalDate cardExpiry, String signature, String anchor) {

    /**
     * One read for the counter, before it becomes the visit's identity.
     *
     * @param birthDate from the chip (2nd gen); null for a 1st-generation card (printed only as an image): the clerk
     *     types it from the card face
     * @param sex from the chip (2nd gen), or null
     * @param address the 1st generation's current address text, or null
     */
    public record Reading(LocalDate birthDate, Sex sex, String address, ResidenceCardFacts facts) {

        public static Reading of(ResidenceCardRead read, String acceptedNumber) {
            PrintedEntries p = read.printed().orElse(null);
            return new Reading(p == null ? null : p.birthDate(), p == null ? null : ResidentIdentity.sex(p.sexIso5218()),
                    currentAddress(read), ResidenceCardFacts.of(read, acceptedNumber));
        }

        public boolean needsBirthDate() {
            return birthDate == null;
        }

        /** The visit's identity; {@code typedBirthDate} is used only when the chip gave none. */
        public ResidentIdentity identity(LocalDate typedBirthDate) {
            return ResidentIdentity.fromResidenceCard(birthDate != null ? birthDate : typedBirthDate, sex, address,
                    facts);
        }

        @Override
        public String toString() {
            return "Reading[" + facts + "]";
        }
    }

    public ResidenceCardFacts {
        Objects.requireNonNull(cardType, "cardType");
        Objects.requireNonNull(cardNumber, "cardNumber");
        Objects.requireNonNull(signature, "signature");
    }

    /** The facts of a read with the number the card accepted. */
    public static ResidenceCardFacts of(ResidenceCardRead read, String acceptedNumber) {
        PrintedEntries p = read.printed().orElse(null);
        SignatureCheck s = read.signature();
        return new ResidenceCardFacts(read.type().code(), acceptedNumber, p == null ? null : p.nationalityCode(),
                p == null ? null : p.statusCode(), p == null ? null : p.periodOfStay().raw(),
                p == null ? null : p.periodEnd().orElse(null), p == null ? null : p.cardExpiry(),
                s.status().name(), s.anchor().map(a -> a.name()).orElse(null));
    }

    /** The current address a 1st-generation card's back holds, or null. */
    static String currentAddress(ResidenceCardRead read) {
        BackEntries back = read.back();
        return back.currentAddress().map(BackEntries.AddressEntry::address).orElse(null);
    }

    public boolean specialPermanentResident() {
        return cardType.startsWith("special-permanent-resident-certificate");
    }

    /** Whether the card's signature verified against a trust anchor. */
    public boolean signatureVerified() {
        return SignatureCheck.Status.VERIFIED.name().equals(signature);
    }

    /** The card number as shown on screen: the last two letters only. */
    public String maskedNumber() {
        return masked(cardNumber);
    }

    /** Any card number as shown on screen: the last two letters only; empty for none. */
    public static String masked(String number) {
        return number == null || number.length() < 2 ? "" : "**********" + number.substring(number.length() - 2);
    }

    /**
     * The items for the forms ({@code card.*}): 国籍・地域 in Japanese from the chip's ISO 3166 code (the code itself
     * when the runtime has no Japanese name for it); 在留資格 is not given (the chip's codes have no published list);
     * 在留期間 in words; its end; the number; the 30条の45 category from the document (a 特別永住者証明書 is issued to
     * 特別永住者 only, a residence card to 中長期在留者 only).
     */
    public ForeignResidentItems formItems() {
        return new ForeignResidentItems(nationalityName(nationalityCode), null, periodInWords(periodOfStay),
                periodEnd, cardNumber, specialPermanentResident() ? "特別永住者" : "中長期在留者");
    }

    /** The Japanese name of an ISO 3166 alpha-3 code ({@code VNM} → ベトナム), or null when unknown. */
    public static String nationalityName(String alpha3) {
        if (alpha3 == null || alpha3.length() != 3) {
            return null;
        }
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = new Locale("", alpha2);
            if (country.getISO3Country().equals(alpha3)) {
                return country.getDisplayCountry(Locale.JAPANESE);
            }
        }
        return null;
    }

    /** {@code 0300} → 3年, {@code 0106} → 1年6月, {@code 090} → 90日; indefinite ({@code 0000}) and odd values → null. */
    static String periodInWords(String raw) {
        PrintedEntries.PeriodOfStay period = raw == null ? null : new PrintedEntries.PeriodOfStay(raw);
        if (period == null || period.indefinite()) {
            return null;
        }
        if (period.days().isPresent()) {
            return period.days().get() + "日";
        }
        Period ym = period.yearsAndMonths().orElse(null);
        if (ym == null || ym.isZero()) {
            return null;
        }
        return (ym.getYears() > 0 ? ym.getYears() + "年" : "") + (ym.getMonths() > 0 ? ym.getMonths() + "月" : "");
    }

    @Override
    public String toString() {
        return "ResidenceCardFacts[" + cardType + ", signature=" + signature + "]";
    }
}
