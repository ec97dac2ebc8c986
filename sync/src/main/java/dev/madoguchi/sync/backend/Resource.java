package dev.madoguchi.sync.backend;

/** Which collection of the backend a message goes to. */
public enum Resource {
    /** {@code PUT /api/v1/applications/{id}}: counter cases. */
    APPLICATIONS("applications"),
    /** {@code PUT /api/v1/evacuee-events/{id}}: shelter check-in/out (append-only). */
    EVACUEE_EVENTS("evacuee-events");

    private final String path;

    Resource(String path) {
        this.path = path;
    }

    /** The path segment and the {@code resource} value in a batch item. */
    public String path() {
        return path;
    }
}
