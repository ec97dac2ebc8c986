package dev.madoguchi.app.resident;

import java.util.Locale;

/**
 * The languages of the resident-facing screen, each named in itself. Japanese and やさしい日本語 carry furigana. The
 * Vietnamese, Chinese, Korean and Portuguese texts are first translations that a native speaker should review.
 */
public enum ResidentLanguage {
    JAPANESE("ja", "日本語", Locale.JAPANESE, true),
    EASY_JAPANESE("ja-easy", "やさしい にほんご", Locale.JAPANESE, true),
    ENGLISH("en", "English", Locale.ENGLISH, false),
    VIETNAMESE("vi", "Tiếng Việt", Locale.forLanguageTag("vi"), false),
    CHINESE("zh", "中文", Locale.SIMPLIFIED_CHINESE, false),
    KOREAN("ko", "한국어", Locale.KOREAN, false),
    PORTUGUESE("pt", "Português", Locale.forLanguageTag("pt-BR"), false);

    private final String tag;
    private final String nativeName;
    private final Locale locale;
    private final boolean furigana;

    ResidentLanguage(String tag, String nativeName, Locale locale, boolean furigana) {
        this.tag = tag;
        this.nativeName = nativeName;
        this.locale = locale;
        this.furigana = furigana;
    }

    public String tag() {
        return tag;
    }

    /** The language's name in the language itself, as the resident looks for it. */
    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return locale;
    }

    /** Whether its texts carry readings (furigana). */
    public boolean furigana() {
        return furigana;
    }

    /** Form labels exist in Japanese and English; other languages show the English label. */
    public Locale formLabelLocale() {
        return this == JAPANESE || this == EASY_JAPANESE ? Locale.JAPANESE : Locale.ENGLISH;
    }
}
