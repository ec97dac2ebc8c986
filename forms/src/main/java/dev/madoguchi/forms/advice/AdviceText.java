package dev.madoguchi.forms.advice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A text of the advice table in several languages, by language tag: {@code ja} (required), {@code ja-easy} (やさしい日本語,
 * with furigana written as {@code {漢字|かんじ}}, see {@link Furigana}), {@code en}, and any resident language a
 * municipality adds ({@code vi}, {@code zh}, …). In JSON it is an object of tag → text.
 */
public final class AdviceText {

    public static final String JA = "ja";
    public static final String EASY_JA = "ja-easy";
    public static final String EN = "en";

    private final Map<String, String> texts;

    @JsonCreator
    public AdviceText(Map<String, String> texts) {
        Objects.requireNonNull(texts, "texts");
        if (texts.get(JA) == null || texts.get(JA).isBlank()) {
            throw new IllegalArgumentException("a text needs its Japanese (ja)");
        }
        this.texts = Map.copyOf(new LinkedHashMap<>(texts));
    }

    public static AdviceText of(String ja, String easy, String en) {
        return new AdviceText(Map.of(JA, ja, EASY_JA, easy, EN, en));
    }

    /**
     * The text in {@code language}: {@code ja-easy} falls back to {@code ja}; any other language to English, then
     * Japanese.
     */
    public String in(String language) {
        String text = texts.get(language);
        if (text != null) {
            return text;
        }
        if (EASY_JA.equals(language)) {
            return texts.get(JA);
        }
        return texts.getOrDefault(EN, texts.get(JA));
    }

    /** The text only when it exists in exactly this language (for the resident's language on the sheet). */
    public Optional<String> exactly(String language) {
        return Optional.ofNullable(texts.get(language));
    }

    /** Whether the text exists in this language itself (not by fallback). */
    public boolean has(String language) {
        return texts.containsKey(language);
    }

    /** Each language's text changed by {@code change} (e.g. placeholders filled in that language). */
    public AdviceText map(java.util.function.BiFunction<String, String, String> change) {
        Map<String, String> out = new LinkedHashMap<>();
        texts.forEach((language, text) -> out.put(language, change.apply(language, text)));
        return new AdviceText(out);
    }

    /** The same change in every language. */
    public AdviceText map(UnaryOperator<String> change) {
        return map((language, text) -> change.apply(text));
    }

    @JsonValue
    public Map<String, String> texts() {
        return texts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AdviceText t && t.texts.equals(texts);
    }

    @Override
    public int hashCode() {
        return texts.hashCode();
    }

    @Override
    public String toString() {
        return "AdviceText[" + texts.get(JA) + "]";
    }
}
