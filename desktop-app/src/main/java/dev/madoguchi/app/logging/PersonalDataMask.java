package dev.madoguchi.app.logging;

import java.util.regex.Pattern;

/**
 * Masks what looks like a My Number (a run of exactly twelve ASCII or full-width digits) in log text. A second line
 * of defence only: code must never log personal data in the first place.
 */
public final class PersonalDataMask {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<![0-9０-９])[0-9０-９]{12}(?![0-9０-９])");

    private PersonalDataMask() {}

    public static String mask(String text) {
        if (text == null || text.length() < 12) {
            return text;
        }
        return TWELVE_DIGITS.matcher(text).replaceAll("************");
    }
}
