package dev.madoguchi.store;

import static dev.madoguchi.store.StoreFiles.DATABASE_FILE;

import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.keys.Keyring;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The backup file: a zip holding {@code madoguchi.mv.db} (H2's online backup of the encrypted file, so still
 * encrypted) and {@code madoguchi.keys} (the wrapped keys). Restoring needs a clerk of the backed-up store. Only the
 * files: {@link LocalStore#backup} and {@link LocalStore#restore} check the clerk, verify and audit.
 */
final class StoreBackup {

    private static final String MARKER = "madoguchi-backup-1";

    private StoreBackup() {
    }

    /**
     * Writes the backup file atomically: H2's online backup of the open database (written by {@code databaseBackup}
     * to the zip path it is given) and the keyring of {@code directory}.
     */
    static void write(Path file, Path directory, Consumer<Path> databaseBackup) {
        Path target = file.toAbsolutePath();
        Path h2zip = target.resolveSibling(target.getFileName() + ".h2.partial");
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(h2zip);
            databaseBackup.accept(h2zip);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(h2zip));
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
                out.putNextEntry(new ZipEntry(MARKER));
                out.closeEntry();
                boolean found = false;
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (e.getName().endsWith(DATABASE_FILE)) {
                        out.putNextEntry(new ZipEntry(DATABASE_FILE));
                        in.transferTo(out);
                        out.closeEntry();
                        found = true;
                    }
                }
                if (!found) {
                    throw new IOException("H2's backup holds no database file");
                }
                out.putNextEntry(new ZipEntry(Keyring.FILE_NAME));
                Files.copy(Keyring.in(directory), out);
                out.closeEntry();
            }
            try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException(diskFull(e) ? StoreError.DISK_FULL : StoreError.STORE_ERROR,
                    "cannot write the backup: " + e.getClass().getSimpleName(), e);
        } finally {
            deleteQuietly(h2zip);
            deleteQuietly(partial);
        }
    }

    /**
     * Extracts the backup's database file and keyring into a new staging directory beside {@code directory}, to be
     * opened and verified there before {@link #replace} puts them in place; {@link #discard} removes what is left.
     */
    static Path stage(Path backup, Path directory) {
        Path staging;
        try {
            Files.createDirectories(directory);
            staging = Files.createTempDirectory(directory.toAbsolutePath().getParent(), ".madoguchi-restore");
        } catch (IOException e) {
            throw new StoreException(StoreError.STORE_ERROR, "cannot prepare the restore: " + e, e);
        }
        try {
            extract(backup, staging);
            return staging;
        } catch (IOException e) {
            discard(staging);
            throw failedRestore(e);
        } catch (RuntimeException e) {
            discard(staging);
            throw e;
        }
    }

    /**
     * Replaces the store files in {@code directory} by the staged ones; the replaced files are kept beside them with
     * the suffix {@code .before-restore}.
     */
    static void replace(Path staging, Path directory) {
        try {
            Path database = directory.resolve(DATABASE_FILE);
            ensureNotOpen(database);
            for (String name : new String[] {DATABASE_FILE, Keyring.FILE_NAME}) {
                Path current = directory.resolve(name);
                if (Files.exists(current)) {
                    Files.move(current, directory.resolve(name + ".before-restore"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(staging.resolve(DATABASE_FILE), database);
            Files.move(staging.resolve(Keyring.FILE_NAME), directory.resolve(Keyring.FILE_NAME));
        } catch (IOException e) {
            throw failedRestore(e);
        }
    }

    /** Removes a staging directory and what is left in it. */
    static void discard(Path staging) {
        deleteTree(staging);
    }

    private static StoreException failedRestore(IOException e) {
        return new StoreException(diskFull(e) ? StoreError.DISK_FULL : StoreError.STORE_ERROR,
                "cannot restore: " + e.getClass().getSimpleName(), e);
    }

    private static void extract(Path backup, Path staging) throws IOException {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry marker = zip.getEntry(MARKER);
            ZipEntry db = zip.getEntry(DATABASE_FILE);
            ZipEntry keys = zip.getEntry(Keyring.FILE_NAME);
            if (marker == null || db == null || keys == null) {
                throw new StoreException(StoreError.BAD_INPUT, "not a Madoguchi backup file", null);
            }
            for (ZipEntry entry : new ZipEntry[] {db, keys}) {
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, staging.resolve(entry.getName()));
                }
            }
        } catch (ZipException e) {
            throw new StoreException(StoreError.BAD_INPUT, "not a Madoguchi backup file", e);
        }
    }

    private static void ensureNotOpen(Path database) throws IOException {
        if (!Files.exists(database)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = ch.tryLock()) {
            if (lock == null) {
                throw locked();
            }
        } catch (OverlappingFileLockException e) {
            throw locked();
        }
    }

    private static StoreException locked() {
        return new StoreException(StoreError.LOCKED_BY_ANOTHER_INSTANCE,
                "the store to be replaced is open; close Madoguchi first", null);
    }

    static boolean diskFull(IOException e) {
        return String.valueOf(e.getMessage()).contains("No space left on device");
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(StoreBackup::deleteQuietly);
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }

    /** H2's online {@code BACKUP TO}: a consistent copy of the encrypted database file while the store stays open. */
    static void databaseTo(org.h2.jdbcx.JdbcConnectionPool pool, Path zip) {
        try (java.sql.Connection c = pool.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement("BACKUP TO ?")) {
            s.setString(1, zip.toAbsolutePath().toString());
            s.execute();
        } catch (java.sql.SQLException e) {
            throw dev.madoguchi.store.error.StoreException.from("back up the store", e);
        }
    }
}
