package dev.madoguchi.app.resident;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Objects;
import java.util.Properties;

/**
 * The resident screen's texts in one language ({@code dev/madoguchi/app/resident/texts_<tag>.properties}, UTF-8),
 * each with its reading ({@code key.ruby}) where the language has furigana.
 */
public final class ResidentTexts {

    private final ResidentLanguage language;
    private final Properties texts = new Properties();

    public ResidentTexts(ResidentLanguage language) {
        this(language, "texts_");
    }

    /** The texts of the resident's window in the volunteer mode ({@code volunteer_<tag>.properties}). */
    public static ResidentTexts volunteer(ResidentLanguage language) {
        return new ResidentTexts(language, "volunteer_");
    }

    private ResidentTexts(ResidentLanguage language, String prefix) {
        this.language = language;
        String file = prefix + language.tag() + ".properties";
        try (InputStream in = Objects.requireNonNull(ResidentTexts.class.getResourceAsStream(file), file)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public ResidentLanguage language() {
        return language;
    }

    /** @throws IllegalArgumentException for a key this language lacks (a test keeps every language complete) */
    public String get(String key, Object... arguments) {
        String pattern = texts.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("resident text '" + key + "' missing in " + language.tag());
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(arguments);
    }

    /** The reading of a text (furigana), or empty when the language has none. */
    public String ruby(String key, Object... arguments) {
        return language.furigana() ? get(key + ".ruby", arguments) : "";
    }

    /** The keys of this language's file (for the completeness test). */
    java.util.Set<String> keys() {
        return texts.stringPropertyNames();
    }
}
