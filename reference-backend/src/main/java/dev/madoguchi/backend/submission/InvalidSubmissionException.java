package dev.madoguchi.backend.submission;

import java.util.List;

/** A submission body with missing, unknown or wrong fields; the errors point into the body. */
final class InvalidSubmissionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    InvalidSubmissionException(List<FieldError> errors) {
        super(errors.size() + " field errors", null, false, false);
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
