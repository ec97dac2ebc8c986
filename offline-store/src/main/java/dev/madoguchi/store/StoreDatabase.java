package dev.madoguchi.store;

import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.keys.DataKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The store's H2 file as a database: connecting with the data key ({@code CIPHER=AES}, every commit written before it
 * returns), reading the file's plaintext header, and migrating with Flyway (an older store backed up first, a newer
 * one refused). {@link LocalStore} is the facade; this class holds the database plumbing it needs.
 */
final class StoreDatabase {

    private static final String DB_USER = "madoguchi";
    private static final int FILE_HEADER_BYTES = 18;
    private static final byte[] ENCRYPTED_FILE_MAGIC = "H2encrypt\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private StoreDatabase() {
    }

    /** Whether a file header starts like an H2 file encrypted with {@code CIPHER=AES}. */
    static boolean isEncryptedFile(byte[] header) {
        return startsWith(header, ENCRYPTED_FILE_MAGIC);
    }

    /** The newest successfully applied version, or -1 when there is no history table (or it cannot be read). */
    static int appliedVersion(JdbcConnectionPool pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\" "
                        + "WHERE \"success\" AND \"version\" IS NOT NULL")) {
            return rs.next() && rs.getObject(1) != null ? rs.getInt(1) : -1;
        } catch (SQLException e) {
            return -1; // no history yet (a new file): Flyway creates it
        }
    }

    static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The plaintext start of the encrypted file: H2's "H2encrypt" line and the file's random salt. */
    static byte[] fileHeader(Path directory) {
        try (var in = Files.newInputStream(directory.resolve(StoreFiles.DATABASE_FILE))) {
            return in.readNBytes(FILE_HEADER_BYTES);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static JdbcConnectionPool connect(Path directory, DataKey key, boolean mustExist) {
        // WRITE_DELAY=0: every commit is written to the file before it returns (crash safety, docs/adr/0007)
        String url = "jdbc:h2:file:" + directory.resolve(StoreFiles.FILE_NAME).toAbsolutePath()
                + ";CIPHER=AES;WRITE_DELAY=0" + (mustExist ? ";IFEXISTS=TRUE" : "");
        char[] password = key.h2Password();
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, DB_USER, new String(password));
        Arrays.fill(password, ' ');
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw StoreException.from("open the local store", e, directory);
        }
        return pool;
    }

    /**
     * Migrates the store in {@code directory}: refuses a newer one, backs up an older one beside it first
     * ({@link SchemaUpgrade}), and records the version in the plain marker {@code doctor} reads.
     */
    static void migrate(JdbcConnectionPool pool, Path directory) {
        try {
            SchemaUpgrade.beforeMigrating(pool, directory, appliedVersion(pool), LocalStore.SCHEMA_VERSION);
        } catch (StoreException e) {
            pool.dispose();
            throw e;
        }
        migrate(pool);
        SchemaUpgrade.writeMarker(directory, LocalStore.SCHEMA_VERSION);
    }

    /**
     * Migrates to the newest schema. When the file is already at {@link LocalStore#SCHEMA_VERSION} Flyway is not started at all
     * (it costs most of a cold start); a test keeps the constant equal to the newest migration file.
     */
    static void migrate(JdbcConnectionPool pool) {
        if (appliedVersion(pool) == LocalStore.SCHEMA_VERSION) {
            return;
        }
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load();
            for (MigrationInfo applied : flyway.info().applied()) {
                if (applied.getState().name().startsWith("FUTURE")) {
                    throw new StoreException(StoreError.NEWER_SCHEMA, "the file has schema version "
                            + applied.getVersion() + ", newer than this program knows", null);
                }
            }
            flyway.migrate();
        } catch (FlywayException e) {
            pool.dispose();
            Optional<SQLException> sql = sqlCause(e);
            throw sql.map(s -> StoreException.from("migrate the local store", s))
                    .orElseGet(() -> new StoreException(StoreError.STORE_ERROR, "migrate the local store: "
                            + e.getMessage(), e));
        } catch (StoreException e) {
            pool.dispose();
            throw e;
        }
    }

    static Optional<SQLException> sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** The newest applied migration version, e.g. {@code "2"}. */
    static String schemaVersion(JdbcConnectionPool pool) {
        try (java.sql.Connection c = pool.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" "
                        + "ORDER BY \"installed_rank\" DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "0";
        } catch (java.sql.SQLException e) {
            throw StoreException.from("read the schema version", e);
        }
    }

    /** How many tables the store has and how many rows they hold, every table read to the end (for verify). */
    static long[] countTablesAndRows(JdbcConnectionPool pool) {
        java.util.List<String> tables = new java.util.ArrayList<>();
        long rows = 0;
        try (java.sql.Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
            try (java.sql.ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table.replace("\"", "") + "\"")) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        } catch (java.sql.SQLException e) {
            throw dev.madoguchi.store.error.StoreException.from("verify the database", e);
        }
        return new long[] {tables.size(), rows};
    }
}
