package dev.madoguchi.store;

import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * What happens around a schema migration when a newer Madoguchi opens an older store (an upgrade of the installed
 * package): a backup of the store beside it before anything is migrated, and a plain marker file with the schema
 * version, which {@code doctor} reads without a passphrase. A store of a newer schema is refused before Flyway starts
 * (STORE-007, the file is left as it is).
 */
final class SchemaUpgrade {

    /** The plain marker beside the store: the schema version only (nothing personal). */
    static final String MARKER_FILE = "madoguchi.schema";

    private SchemaUpgrade() {
    }

    /** The backup written before migrating from {@code from} to {@code to}. */
    static Path backupFile(Path directory, int from, int to) {
        return directory.resolve("madoguchi-schema-" + from + "-before-" + to + ".backup.zip");
    }

    /**
     * Refuses a newer store, and backs up an older one (not a new, empty file) before it is migrated.
     *
     * @throws StoreException {@link StoreError#NEWER_SCHEMA} when {@code applied} is newer than {@code newest}
     */
    static void beforeMigrating(JdbcConnectionPool pool, Path directory, int applied, int newest) {
        if (applied > newest) {
            throw new StoreException(StoreError.NEWER_SCHEMA, "the store has schema version " + applied
                    + ", written by a newer Madoguchi; this program knows up to " + newest
                    + ": install that version or a newer one (the file was not changed)", null);
        }
        if (applied < 1 || applied == newest) {
            return;
        }
        Path backup = backupFile(directory, applied, newest);
        StoreBackup.write(backup, directory, zip -> {
            try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("BACKUP TO ?")) {
                s.setString(1, zip.toAbsolutePath().toString());
                s.execute();
            } catch (SQLException e) {
                throw StoreException.from("back up the store before migrating it", e);
            }
        });
    }

    /** Writes the marker (best effort: a failure only means {@code doctor} cannot tell the version). */
    static void writeMarker(Path directory, int version) {
        if (readMarker(directory) == version) {
            return; // the usual open: nothing to write
        }
        Path marker = directory.resolve(MARKER_FILE);
        Path partial = directory.resolve(MARKER_FILE + ".partial");
        try {
            Files.writeString(partial, Integer.toString(version) + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // nothing else to do
            }
        }
    }

    /** The version in the marker beside a store, or -1 when there is none or it cannot be read. */
    static int readMarker(Path directory) {
        try {
            return Integer.parseInt(Files.readString(directory.resolve(MARKER_FILE), StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
