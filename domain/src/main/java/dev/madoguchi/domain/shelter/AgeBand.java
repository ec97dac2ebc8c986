package dev.madoguchi.domain.shelter;

import java.time.LocalDate;
import java.time.Period;

/** The age bands of the daily report to the disaster headquarters (age on the report's date). */
public enum AgeBand implements Coded {
    /** 0–5 (乳幼児). */
    UNDER_6("0-5"),
    /** 6–12. */
    CHILD("6-12"),
    /** 13–17. */
    YOUTH("13-17"),
    /** 18–64. */
    ADULT("18-64"),
    /** 65–74. */
    SENIOR("65-74"),
    /** 75 and over. */
    ELDER("75-"),
    /** Birth date not known. */
    UNKNOWN("unknown");

    private final String code;

    AgeBand(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The band of someone born on {@code birthDate} (null: {@link #UNKNOWN}) on {@code date}. */
    public static AgeBand of(LocalDate birthDate, LocalDate date) {
        if (birthDate == null || birthDate.isAfter(date)) {
            return UNKNOWN;
        }
        int age = Period.between(birthDate, date).getYears();
        if (age < 6) {
            return UNDER_6;
        }
        if (age < 13) {
            return CHILD;
        }
        if (age < 18) {
            return YOUTH;
        }
        if (age < 65) {
            return ADULT;
        }
        return age < 75 ? SENIOR : ELDER;
    }
}
