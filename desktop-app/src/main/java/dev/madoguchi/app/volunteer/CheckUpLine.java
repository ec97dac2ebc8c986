package dev.madoguchi.app.volunteer;

import java.util.Objects;

/**
 * One line of a check-up's result in words: what was checked, what it found, and what that means.
 *
 * @param state {@code ok}, {@code info}, {@code action} or {@code unknown}: said in the words too, the colour only
 *     repeats it
 */
public record CheckUpLine(String name, String value, String meaning, String state) {

    public CheckUpLine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(state, "state");
    }
}
