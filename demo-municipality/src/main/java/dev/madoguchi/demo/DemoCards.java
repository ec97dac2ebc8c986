package dev.madoguchi.demo;

import static dev.madoguchi.demo.MunicipalityGenerator.FIRST_CARD_ISSUE;
import static dev.madoguchi.demo.MunicipalityGenerator.REFERENCE_DATE;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;

/**
 * The My Number Cards of the generated residents: who holds one, when it was issued and expires, its PINs, the
 * signature password and the tries left (a few blocked or nearly blocked, as at a real counter).
 */
final class DemoCards {

    private static final char[] SIGN_PASSWORD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private DemoCards() {
    }

    /**
     * The card of a member, or null when they have none (most people hold one; babies, and foreign residents, less
     * often). {@code shared} gives the one instance of a day the municipality keeps.
     */
    static DemoCard card(DemoRandom random, HouseholdMember person, String fullName, String address,
            UnaryOperator<LocalDate> shared) {
        int age = age(person.birth);
        double share = age == 0 ? 0.12 : age < 5 ? 0.6 : age < 15 ? 0.76 : age < 20 ? 0.78 : age < 70 ? 0.81
                : age < 85 ? 0.85 : 0.74;
        if (person.nationality != null) {
            share *= 0.7;
        }
        if (ForeignResidency.TRANSITIONAL_BY_BIRTH.equals(person.category)) {
            share = 0;
        }
        if (!person.forceCard && !random.chance(share)) {
            return null;
        }
        LocalDate earliest = Births.max(FIRST_CARD_ISSUE, person.birth.plusDays(14));
        if (person.nationality != null) {
            earliest = Births.max(earliest, person.movedIn);
        }
        LocalDate issued = issueDate(random, earliest);
        LocalDate expiry = expiry(person.birth, issued, person.periodEnd);
        while (expiry.isBefore(REFERENCE_DATE) && random.chance(0.55)) {
            issued = Births.max(issued.plusDays(1), expiry.minusDays(random.nextInt(90)));
            expiry = expiry(person.birth, issued, person.periodEnd);
        }
        String signPassword = ChronoUnit.YEARS.between(person.birth, issued) < 15 ? null : signPassword(random);
        int textTries = person.forcedTextTries >= 0 ? person.forcedTextTries : tries(random, 5, 15, 35);
        int authTries = person.forcedAuthTries >= 0 ? person.forcedAuthTries : tries(random, 3, 13, 30);
        int signTries = signPassword == null ? 5 : signTries(random);
        String nameOnCard = person.nationality == null ? NameCatalog.cardText(fullName) : fullName;
        return new DemoCard(nameOnCard, address, shared.apply(expiry), Digits.fourDigits(random.nextInt(10_000)),
                Digits.fourDigits(random.nextInt(10_000)), Digits.fourDigits(random.nextInt(10_000)), signPassword,
                textTries, authTries, signTries);
    }

    /** Issue dates cluster in 2021–2023, when most cards were made. */
    private static LocalDate issueDate(DemoRandom random, LocalDate earliest) {
        int band = random.nextInt(100);
        LocalDate first;
        LocalDate last;
        if (band < 25) {
            first = FIRST_CARD_ISSUE;
            last = LocalDate.of(2020, 12, 31);
        } else if (band < 80) {
            first = LocalDate.of(2021, 1, 1);
            last = LocalDate.of(2023, 9, 30);
        } else {
            first = LocalDate.of(2023, 10, 1);
            last = REFERENCE_DATE;
        }
        if (last.isBefore(earliest)) {
            return random.dayBetween(Births.min(earliest, REFERENCE_DATE), REFERENCE_DATE);
        }
        return random.dayBetween(Births.max(first, earliest), last);
    }

    /**
     * The 10th birthday after issue (the 5th when the holder was under 18 at issue), or the end of the period of stay
     * when that comes first.
     */
    static LocalDate expiry(LocalDate birth, LocalDate issued, LocalDate periodOfStayEnd) {
        int birthdays = ChronoUnit.YEARS.between(birth, issued) < 18 ? 5 : 10;
        int firstYear = birth.withYear(issued.getYear()).isAfter(issued) ? issued.getYear() : issued.getYear() + 1;
        LocalDate expiry = birth.withYear(firstYear + birthdays - 1);
        return periodOfStayEnd != null && periodOfStayEnd.isBefore(expiry) ? periodOfStayEnd : expiry;
    }

    private static int tries(DemoRandom random, int blockedPerMille, int oneLeftPerMille, int twoLeftPerMille) {
        int roll = random.nextInt(1000);
        return roll < blockedPerMille ? 0 : roll < oneLeftPerMille ? 1 : roll < twoLeftPerMille ? 2 : 3;
    }

    private static int signTries(DemoRandom random) {
        int roll = random.nextInt(1000);
        return roll < 3 ? 0 : roll < 10 ? 1 : roll < 30 ? random.between(2, 4) : 5;
    }

    /** 6–16 characters of A–Z and 0–9 with at least one letter and one digit. */
    private static String signPassword(DemoRandom random) {
        char[] password = new char[random.chance(0.7) ? random.between(8, 10) : random.between(6, 16)];
        for (int i = 0; i < password.length; i++) {
            password[i] = SIGN_PASSWORD_ALPHABET[random.nextInt(SIGN_PASSWORD_ALPHABET.length)];
        }
        int letterAt = random.nextInt(password.length);
        int digitAt = (letterAt + 1 + random.nextInt(password.length - 1)) % password.length;
        password[letterAt] = (char) ('A' + random.nextInt(26));
        password[digitAt] = (char) ('0' + random.nextInt(10));
        return new String(password);
    }

    static int age(LocalDate birth) {
        return (int) ChronoUnit.YEARS.between(birth, REFERENCE_DATE);
    }
}
