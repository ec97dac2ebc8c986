package dev.madoguchi.forms.definition;

import java.util.Collection;

/** A form id that no loaded definition has. */
public final class UnknownFormException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownFormException(String formId, Collection<String> known) {
        super("unknown form '" + formId + "'; known forms: " + String.join(", ", known));
    }
}
