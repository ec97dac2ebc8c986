package dev.madoguchi.app.diagnostics;

import java.util.Locale;

/** How one diagnostics check came out. */
public enum CheckStatus {
    /** Works as expected. */
    OK,
    /** Works, but something should be looked at (e.g. no reader attached, wider file permissions). */
    WARNING,
    /** Does not work: the remedy says what to do. */
    PROBLEM;

    /** The word in the JSON report: {@code ok}, {@code warning}, {@code problem}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
