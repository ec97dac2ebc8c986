package dev.madoguchi.backend.db;

/** The databases the backend runs on; the few SQL differences live here. */
public enum DatabaseKind {
    H2("H2"),
    POSTGRESQL("PostgreSQL");

    private final String displayName;

    DatabaseKind(String displayName) {
        this.displayName = displayName;
    }

    /** As {@code GET /health} reports it: {@code H2} or {@code PostgreSQL}. */
    public String displayName() {
        return displayName;
    }

    /** A query returning the next value of a sequence. */
    public String nextValueQuery(String sequence) {
        return switch (this) {
            case H2 -> "SELECT NEXT VALUE FOR " + sequence;
            case POSTGRESQL -> "SELECT nextval('" + sequence + "')";
        };
    }

    /** A query returning {@code ?} next values of a sequence, one per row. */
    public String nextValuesQuery(String sequence) {
        return switch (this) {
            case H2 -> "SELECT NEXT VALUE FOR " + sequence + " FROM SYSTEM_RANGE(1, ?)";
            case POSTGRESQL -> "SELECT nextval('" + sequence + "') FROM generate_series(1, ?)";
        };
    }

    /** @throws IllegalArgumentException for a JDBC URL of another database */
    public static DatabaseKind of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL (use jdbc:h2:… or jdbc:postgresql:…)");
    }
}
