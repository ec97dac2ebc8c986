package dev.madoguchi.app.diagnostics;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.store.error.StoreError;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The remedy texts of the report: the error catalogue's for card and store codes (the app's bundle), the doctor's own
 * ({@code diagnostics/doctor.properties}, Japanese, and {@code doctor_en.properties}) for the rest.
 */
final class Remedies {

    static final String BUNDLE = "dev.madoguchi.app.diagnostics.doctor";

    private final Messages messages;
    private final ResourceBundle own;

    Remedies(Language language) {
        this.messages = new Messages(language);
        this.own = ResourceBundle.getBundle(BUNDLE, messages.locale(), ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String get(String key, Object... arguments) {
        return new MessageFormat(own.getString(key), messages.locale()).format(arguments);
    }

    String card(CardIoError error) {
        return error.code() + ": " + messages.get(Messages.keyFor("card.error.", error));
    }

    String store(StoreError error) {
        return error.code() + ": " + messages.get(Messages.keyFor("store.error.", error));
    }
}
