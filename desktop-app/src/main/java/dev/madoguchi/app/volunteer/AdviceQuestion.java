package dev.madoguchi.app.volunteer;

import java.util.Objects;

/**
 * A question of the advice table that decides the advice of this check-up (e.g. "do you know your 署名用 password?"),
 * in one language, with the answer given so far.
 *
 * @param id the table's question id ({@code knowsSignPassword}, {@code knowsAuthPin}, …)
 * @param answer {@code yes}, {@code no}, or empty when not answered
 */
public record AdviceQuestion(String id, String text, String answer) {

    public static final String YES = "yes";
    public static final String NO = "no";

    public AdviceQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(answer, "answer");
    }
}
