package dev.madoguchi.demo;

import static dev.madoguchi.demo.MunicipalityGenerator.EARLIEST_BIRTH;
import static dev.madoguchi.demo.MunicipalityGenerator.REFERENCE_DATE;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Birth dates of the generated household members, against {@link MunicipalityGenerator#REFERENCE_DATE}: ages in a
 * band, spouses mostly a few years apart, parents 18–44 years before their children, never before 1925.
 */
final class Births {

    private Births() {
    }

    /** Up to {@code count} birth dates, oldest first, each 18–44 years after every parent and a year apart. */
    static List<LocalDate> childBirths(DemoRandom random, int count, int maxAge, LocalDate... parents) {
        List<LocalDate> births = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (int attempt = 0; attempt < 6; attempt++) {
                LocalDate birth = childBirth(random, REFERENCE_DATE, maxAge, parents);
                if (birth != null && births.stream()
                        .allMatch(other -> Math.abs(other.toEpochDay() - birth.toEpochDay()) >= 365)) {
                    births.add(birth);
                    break;
                }
            }
        }
        births.sort(Comparator.naturalOrder());
        return births;
    }

    /** A birth 18–44 whole years after each parent's, not after {@code latest}, at most {@code maxAge} old. */
    static LocalDate childBirth(DemoRandom random, LocalDate latest, int maxAge, LocalDate... parents) {
        LocalDate first = REFERENCE_DATE.minusYears(maxAge + 1L).plusDays(1);
        LocalDate last = latest;
        for (LocalDate parent : parents) {
            LocalDate earliest = parent.plusYears(18);
            if (ChronoUnit.YEARS.between(parent, earliest) < 18) {
                earliest = earliest.plusDays(1);
            }
            first = max(first, earliest);
            last = min(last, parent.plusYears(45).minusDays(1));
        }
        return first.isAfter(last) ? null : random.dayBetween(first, last);
    }

    /** A birth 18–44 whole years before {@code child}'s, not before 1925, at least {@code minAge} old; or null. */
    static LocalDate parentBirth(DemoRandom random, LocalDate child, int minAge) {
        LocalDate first = max(EARLIEST_BIRTH, child.minusYears(45).plusDays(1));
        LocalDate last = min(child.minusYears(18), REFERENCE_DATE.minusYears(minAge));
        if (ChronoUnit.YEARS.between(last, child) < 18) {
            last = last.minusDays(1);
        }
        return first.isAfter(last) ? null : random.dayBetween(first, last);
    }

    /** A husband's birth for a wife's ({@code ofHusband} false) or a wife's for a husband's: mostly 0–8 years apart. */
    static LocalDate spouseBirth(DemoRandom random, LocalDate partner, boolean ofHusband) {
        int daysYounger = random.between(-3 * 365, 8 * 365);
        LocalDate birth = partner.plusDays(ofHusband ? daysYounger : -daysYounger);
        return clampBirth(random, birth, 18);
    }

    /** A spouse's birth that also keeps 18–44 years before {@code child} (the father of a head, for example). */
    static LocalDate spouseBirth(DemoRandom random, LocalDate partner, boolean ofHusband, LocalDate child) {
        for (int attempt = 0; attempt < 8; attempt++) {
            LocalDate birth = spouseBirth(random, partner, ofHusband);
            long gap = ChronoUnit.YEARS.between(birth, child);
            if (gap >= 18 && gap <= 44) {
                return birth;
            }
        }
        return partner;
    }

    static LocalDate clampBirth(DemoRandom random, LocalDate birth, int minAge) {
        LocalDate latest = REFERENCE_DATE.minusYears(minAge);
        if (birth.isAfter(latest)) {
            return latest.minusDays(random.nextInt(365));
        }
        if (birth.isBefore(EARLIEST_BIRTH)) {
            return EARLIEST_BIRTH.plusDays(random.nextInt(365));
        }
        return birth;
    }

    /** A birth date whose age on the reference date is between the bounds (never before 1925). */
    static LocalDate birthAged(DemoRandom random, int minAge, int maxAge) {
        LocalDate first = max(EARLIEST_BIRTH, REFERENCE_DATE.minusYears(maxAge + 1L).plusDays(1));
        return random.dayBetween(first, REFERENCE_DATE.minusYears(minAge));
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
