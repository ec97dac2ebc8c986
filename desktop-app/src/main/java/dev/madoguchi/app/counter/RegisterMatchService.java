package dev.madoguchi.app.counter;

import dev.madoguchi.store.register.RegisterRepository;
import dev.madoguchi.store.register.RegisterResident;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds who the person at the counter may be in the register copy: by the card's My Number (blind index) when it was
 * read, and always by birth date with name, furigana, address and the residence card's number compared field by field, so that a second person
 * with the same name and birth date is shown too. Synchronous; call it on the {@code store-writer} lane (every
 * resident read is audited by the store).
 */
public final class RegisterMatchService {

    /** Name (or kana) and address both different: not listed. */
    public RegisterMatch find(RegisterRepository register, ResidentIdentity identity) {
        Map<String, MatchCandidate> found = new LinkedHashMap<>();
        boolean byMyNumber = false;
        if (identity.myNumber() != null) {
            byMyNumber = true;
            register.findByMyNumber(identity.myNumber()).ifPresent(r -> found.put(r.residentId(),
                    candidate(identity, r, FieldMatch.SAME)));
        }
        for (RegisterResident r : register.findByBirthDate(identity.birthDate())) {
            if (found.containsKey(r.residentId())) {
                continue;
            }
            MatchCandidate c = candidate(identity, r, identity.myNumber() == null ? FieldMatch.NOT_COMPARED
                    : FieldMatch.DIFFERENT);
            if (c.match(MatchField.NAME).agrees() || c.match(MatchField.NAME_KANA).agrees()
                    || c.match(MatchField.ADDRESS).agrees() || c.match(MatchField.RESIDENCE_CARD_NUMBER).agrees()) {
                found.put(r.residentId(), c);
            }
        }
        List<MatchCandidate> candidates = new ArrayList<>(found.values());
        candidates.sort(Comparator.comparingInt(MatchCandidate::score).reversed()
                .thenComparing(c -> c.resident().residentId()));
        return new RegisterMatch(candidates, byMyNumber);
    }

    static MatchCandidate candidate(ResidentIdentity identity, RegisterResident r, FieldMatch myNumber) {
        List<FieldComparison> comparisons = new ArrayList<>();
        if (myNumber != FieldMatch.NOT_COMPARED) {
            comparisons.add(new FieldComparison(MatchField.MY_NUMBER, myNumber, null, null));
        }
        ResidenceCardFacts card = identity.residenceCard();
        if (card != null) { // the number the card accepted against the register's 在留カード等番号, shown masked
            comparisons.add(new FieldComparison(MatchField.RESIDENCE_CARD_NUMBER, r.residenceCardNumber() == null
                    ? FieldMatch.NOT_COMPARED : card.cardNumber().equals(r.residenceCardNumber()) ? FieldMatch.SAME
                    : FieldMatch.DIFFERENT, card.maskedNumber(), ResidenceCardFacts.masked(r.residenceCardNumber())));
        }
        String registerName = registerName(r);
        comparisons.add(new FieldComparison(MatchField.NAME, identity.name().isEmpty() ? FieldMatch.NOT_COMPARED
                : TextMatching.compareNames(identity.name(), registerName), identity.name(), registerName));
        String registerKana = r.familyNameKana() + "\u3000" + r.givenNameKana();
        comparisons.add(new FieldComparison(MatchField.NAME_KANA,
                identity.nameKana() == null ? FieldMatch.NOT_COMPARED
                        : TextMatching.nameKey(identity.nameKana()).equals(TextMatching.nameKey(registerKana))
                                ? FieldMatch.SAME_WHEN_NORMALISED : FieldMatch.DIFFERENT,
                identity.nameKana(), registerKana));
        comparisons.add(new FieldComparison(MatchField.BIRTH_DATE,
                identity.birthDate().equals(r.birthDate()) ? FieldMatch.SAME : FieldMatch.DIFFERENT,
                identity.birthDate().toString(), r.birthDate().toString()));
        comparisons.add(new FieldComparison(MatchField.ADDRESS,
                TextMatching.compareAddresses(identity.address(), r.address()), identity.address(), r.address()));
        return new MatchCandidate(r, comparisons);
    }

    /**
     * The register's name as one string as the register writes it: family name, U+3000, given name; for foreign
     * residents an ASCII space between them.
     */
    public static String registerName(RegisterResident r) {
        if (r.givenName() == null || r.givenName().isEmpty()) {
            return r.familyName();
        }
        return r.familyName() + (r.nationality() == null ? "\u3000" : " ") + r.givenName();
    }
}
