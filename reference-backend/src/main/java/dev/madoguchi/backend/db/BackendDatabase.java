package dev.madoguchi.backend.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The backend's database: a HikariCP pool over an H2 file or PostgreSQL, migrated by Flyway on open
 * ({@code classpath:db/backend}, the same SQL for both).
 */
public final class BackendDatabase implements AutoCloseable {

    private final DatabaseKind kind;
    private final HikariDataSource dataSource;

    private BackendDatabase(DatabaseKind kind, HikariDataSource dataSource) {
        this.kind = kind;
        this.dataSource = dataSource;
    }

    /**
     * Opens the pool and migrates the schema to the newest version.
     *
     * @param user null when the URL carries it (or H2's default)
     * @throws BackendDatabaseException when the database cannot be reached or migrated
     */
    public static BackendDatabase open(String jdbcUrl, String user, String password, int maxConnections) {
        DatabaseKind kind = DatabaseKind.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setPoolName("backend-db");
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        config.setInitializationFailTimeout(3_000);
        config.setAutoCommit(true);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new BackendDatabaseException("the database cannot be opened: " + rootMessage(e), e);
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/backend")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            dataSource.close();
            throw new BackendDatabaseException("the database cannot be migrated: " + rootMessage(e), e);
        }
        return new BackendDatabase(kind, dataSource);
    }

    public DatabaseKind kind() {
        return kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** A pooled connection in auto-commit mode. */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Whether the database answers a trivial query now. */
    public boolean isUp() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
