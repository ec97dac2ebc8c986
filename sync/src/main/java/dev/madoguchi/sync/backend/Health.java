package dev.madoguchi.sync.backend;

/** {@code GET /health}: {@code UP} or {@code DOWN}, the server's version and database kind. */
public record Health(String status, String version, String database) {

    public boolean up() {
        return "UP".equals(status);
    }
}
