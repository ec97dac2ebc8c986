package dev.madoguchi.app.resident;

/**
 * One of the advice table's questions on the resident's window, in the resident's language, with the answer given so
 * far ({@code yes}, {@code no} or empty) and the words of its two buttons.
 *
 * @param ruby the question's reading (furigana) in Japanese, or empty
 */
public record ResidentQuestion(String id, String text, String ruby, String yesText, String noText, String answer) {
}
