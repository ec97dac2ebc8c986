package dev.madoguchi.forms.definition;

import java.util.Locale;
import java.util.Objects;

/** A text in Japanese and English; Japanese is what prints on the forms. */
public record LocalizedText(String ja, String en) {

    public LocalizedText {
        Objects.requireNonNull(ja, "ja");
        en = en == null ? ja : en;
    }

    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : ja;
    }
}
