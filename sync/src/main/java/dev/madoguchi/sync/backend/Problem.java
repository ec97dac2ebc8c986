package dev.madoguchi.sync.backend;

import java.util.List;

/**
 * An RFC 7807 problem as the backend sent it ({@code application/problem+json}); the backend never puts personal data
 * in problems, so it may be stored and shown.
 *
 * @param code the stable extension code, e.g. {@code API-409-IDEMPOTENCY-CONFLICT} (null when the server sent none)
 */
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One field the backend refused: a JSON pointer into the request body and why. */
    public record FieldError(String pointer, String message) {}

    /** A problem made up by the client for an answer that carried none (e.g. a proxy's HTML error page). */
    public static Problem of(int status, String title) {
        return new Problem("about:blank", title, status, null, "HTTP-" + status, List.of());
    }

    /** The problem's stable code, or {@code HTTP-<status>} when the backend gave none. */
    public String codeOrStatus() {
        return code == null ? "HTTP-" + status : code;
    }

    /** One line for the outbox row and the log: code, title, detail and the refused fields. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(status).append(' ').append(code == null ? "" : code + " ").append(title == null ? "" : title);
        if (detail != null && !detail.isBlank()) {
            b.append(": ").append(detail);
        }
        for (FieldError e : errors) {
            b.append("; ").append(e.pointer()).append(' ').append(e.message());
        }
        return b.toString().strip();
    }
}
