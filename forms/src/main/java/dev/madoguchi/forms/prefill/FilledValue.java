package dev.madoguchi.forms.prefill;

import java.util.Objects;

/**
 * A field's value and where it came from: a source key of the definition ({@code register.name}, {@code card.address},
 * {@code interview.movedOn}, {@code office.today}), {@code data} (a data file) or {@code clerk} (typed or corrected at
 * the counter). {@link #toString()} prints the source only.
 */
public record FilledValue(String text, String source) {

    public static final String DATA = "data";
    public static final String CLERK = "clerk";

    public FilledValue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return "FilledValue[source=" + source + ", length=" + text.length() + "]";
    }
}
