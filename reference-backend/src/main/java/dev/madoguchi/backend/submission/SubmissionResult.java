package dev.madoguchi.backend.submission;

import java.util.List;
import java.util.UUID;

/** What became of one submission (a PUT or one batch item). */
public sealed interface SubmissionResult {

    /** Stored now (201); {@code receiptJson} is the exact body of the answer. */
    record Created(UUID id, String receiptJson) implements SubmissionResult {
    }

    /** Stored before with an equal body (200): the stored receipt, byte for byte. */
    record Repeated(UUID id, String receiptJson) implements SubmissionResult {
    }

    /** Stored before with a different body (409); nothing changed. */
    record Conflict(UUID id) implements SubmissionResult {
    }

    /** Malformed id, missing or unknown fields, wrong types or values (400); nothing stored. */
    record Invalid(List<FieldError> errors, String detail) implements SubmissionResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** {@code terminalId} is not the authenticated terminal (422); nothing stored. */
    record TerminalMismatch() implements SubmissionResult {
    }
}
