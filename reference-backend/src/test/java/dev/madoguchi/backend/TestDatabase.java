package dev.madoguchi.backend;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The databases the backend's tests run on. H2: a fresh file in the test's temporary directory. PostgreSQL: a fresh
 * schema in the server named by {@code MADOGUCHI_PG_URL} (./run-tests starts one on loopback and sets
 * {@code MADOGUCHI_PG=required}, which turns a missing server into a failure instead of a skip).
 */
public enum TestDatabase {
    H2,
    POSTGRESQL;

    /** A JDBC URL of an empty database of this kind. */
    public String freshUrl(Path tempDir) {
        if (this == H2) {
            return BackendConfig.h2FileUrl(tempDir.resolve("h2-" + UUID.randomUUID()));
        }
        String server = System.getenv("MADOGUCHI_PG_URL");
        boolean required = "required".equals(System.getenv("MADOGUCHI_PG"));
        if (server == null || server.isBlank()) {
            if (required) {
                throw new IllegalStateException("MADOGUCHI_PG=required but MADOGUCHI_PG_URL is not set");
            }
            assumeTrue(false, "PostgreSQL tests skipped: set MADOGUCHI_PG_URL (./run-tests starts a server and "
                    + "makes them required)");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("the PostgreSQL server in MADOGUCHI_PG_URL does not answer: "
                    + e.getMessage(), e);
        }
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
