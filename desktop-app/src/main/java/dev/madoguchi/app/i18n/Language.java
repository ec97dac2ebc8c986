package dev.madoguchi.app.i18n;

import java.util.Locale;

/** The clerk UI languages. Japanese is the default; English is available. */
public enum Language {
    JAPANESE(Locale.JAPANESE, "ja"),
    ENGLISH(Locale.ENGLISH, "en");

    private final Locale locale;
    private final String tag;

    Language(Locale locale, String tag) {
        this.locale = locale;
        this.tag = tag;
    }

    public Locale locale() {
        return locale;
    }

    /** The short tag used on the command line ({@code --lang ja}). */
    public String tag() {
        return tag;
    }

    /** The language for a tag such as {@code ja} or {@code en}. */
    public static Language fromTag(String tag) {
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language '" + tag + "' (use ja or en)");
    }
}
