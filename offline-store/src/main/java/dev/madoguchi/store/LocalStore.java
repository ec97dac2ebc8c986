package dev.madoguchi.store;

import dev.madoguchi.store.register.RegisterRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The terminal's local H2 file database, migrated by Flyway to the newest schema when opened.
 *
 * <p>Writes belong to one thread (the application's {@code store-writer}); reads may run concurrently.
 */
public final class LocalStore implements AutoCloseable {

    /** Base name of the database file in the store directory ({@code madoguchi.mv.db}). */
    public static final String FILE_NAME = "madoguchi";

    private final Path directory;
    private final JdbcConnectionPool pool;
    private final RegisterRepository register;
    private final StoreSettings settings;

    private LocalStore(Path directory, JdbcConnectionPool pool) {
        this.directory = directory;
        this.pool = pool;
        this.register = new RegisterRepository(pool);
        this.settings = new StoreSettings(pool);
    }

    /**
     * Opens (creating when absent) the store in a directory and migrates it to the newest schema.
     *
     * @throws StoreException typed: locked by another instance, corrupt file, disk full, …
     */
    public static LocalStore open(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException(StoreError.STORE_ERROR, "cannot create the store directory: " + e, e);
        }
        String url = "jdbc:h2:file:" + directory.resolve(FILE_NAME).toAbsolutePath();
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "madoguchi", "");
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw StoreException.from("open the local store", e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.dispose();
            Optional<SQLException> sql = sqlCause(e);
            throw sql.map(s -> StoreException.from("migrate the local store", s))
                    .orElseGet(() -> new StoreException(StoreError.STORE_ERROR, "migrate the local store: " + e.getMessage(), e));
        }
        return new LocalStore(directory, pool);
    }

    /** The directory that holds the database file. */
    public Path directory() {
        return directory;
    }

    /** The local copy of the resident register. */
    public RegisterRepository register() {
        return register;
    }

    /** Terminal settings kept in the store. */
    public StoreSettings settings() {
        return settings;
    }

    /** The newest applied migration version, e.g. {@code "1"}. */
    public String schemaVersion() {
        try (Connection c = pool.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" "
                        + "ORDER BY \"installed_rank\" DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "0";
        } catch (SQLException e) {
            throw StoreException.from("read the schema version", e);
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }

    private static Optional<SQLException> sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }
}
