package dev.madoguchi.forms.validation;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One problem found by {@link FormValidator}. The message comes from the bundle
 * {@code dev/madoguchi/forms/validation/messages*.properties} (Japanese base, English) by {@link #code()}.
 *
 * @param fieldId the field, or {@code null} for the form as a whole
 * @param code the stable code, also the bundle key ({@code required}, {@code deadline}, …)
 * @param args message arguments; never a personal value, only labels, legal references and numbers
 */
public record ValidationIssue(String fieldId, Severity severity, String code, List<String> args) {

    private static final String BUNDLE = "dev.madoguchi.forms.validation.messages";

    public ValidationIssue {
        args = List.copyOf(args);
    }

    public String message(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString("validation." + code), locale).format(args.toArray());
    }
}
