package dev.madoguchi.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The clerk UI texts of one language, from {@code dev/madoguchi/app/i18n/messages*.properties} (dotted keys,
 * {@link MessageFormat} placeholders). The base bundle is Japanese.
 */
public final class Messages {

    /** The bundle's base name, also handed to FXML loaders. */
    public static final String BUNDLE = "dev.madoguchi.app.i18n.messages";

    private final Language language;
    private final ResourceBundle bundle;

    public Messages(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Language language() {
        return language;
    }

    /** The bundle itself, for {@code FXMLLoader#setResources}. */
    public ResourceBundle bundle() {
        return bundle;
    }

    /**
     * The text for a key with its placeholders filled.
     *
     * @throws MissingResourceException when the key is missing (a test keeps every used key present)
     */
    public String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        if (arguments.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, language.locale()).format(arguments);
    }

    /**
     * The key of an enum constant's text under a prefix: {@code keyFor("card.error.", READER_SERVICE_UNAVAILABLE)}
     * is {@code card.error.readerServiceUnavailable}.
     */
    public static String keyFor(String prefix, Enum<?> constant) {
        StringBuilder key = new StringBuilder(prefix);
        boolean upper = false;
        for (char c : constant.name().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key.toString();
    }

    /** The locale whose number and date formats the texts use. */
    public Locale locale() {
        return language.locale();
    }
}
