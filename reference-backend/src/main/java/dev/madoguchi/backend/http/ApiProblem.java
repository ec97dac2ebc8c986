package dev.madoguchi.backend.http;

/** The catalogue of problems the API answers with: HTTP status, stable code, type URI and title. */
public enum ApiProblem {
    MALFORMED_JSON(400, "API-400-MALFORMED-JSON", "malformed-json", "The body is not JSON"),
    VALIDATION(400, "API-400-VALIDATION", "validation", "The request is not valid"),
    CHECKPOINT(400, "API-400-CHECKPOINT", "checkpoint", "Unknown checkpoint"),
    UNAUTHENTICATED(401, "API-401-UNAUTHENTICATED", "unauthenticated", "Terminal not authenticated"),
    TERMINAL_REVOKED(403, "API-403-TERMINAL-REVOKED", "terminal-revoked", "Terminal revoked"),
    RESIDENT_NOT_FOUND(404, "API-404-RESIDENT-NOT-FOUND", "resident-not-found", "No such resident"),
    NOT_FOUND(404, "API-404-NOT-FOUND", "not-found", "No such resource"),
    METHOD_NOT_ALLOWED(405, "API-405-METHOD-NOT-ALLOWED", "method-not-allowed", "Method not allowed"),
    IDEMPOTENCY_CONFLICT(409, "API-409-IDEMPOTENCY-CONFLICT", "idempotency-conflict",
            "This id was stored with a different body"),
    TOO_LARGE(413, "API-413-TOO-LARGE", "too-large", "The body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "API-415-UNSUPPORTED-MEDIA-TYPE", "unsupported-media-type",
            "The body must be application/json in UTF-8"),
    TERMINAL_MISMATCH(422, "API-422-TERMINAL-MISMATCH", "terminal-mismatch",
            "terminalId is not the authenticated terminal"),
    INTERNAL(500, "API-500-INTERNAL", "internal", "Internal error"),
    UNAVAILABLE(503, "API-503-UNAVAILABLE", "unavailable", "The backend is unavailable");

    public static final String TYPE_BASE = "https://madoguchi.dev/problems/";

    private final int status;
    private final String code;
    private final String slug;
    private final String title;

    ApiProblem(int status, String code, String slug, String title) {
        this.status = status;
        this.code = code;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String type() {
        return TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }
}
