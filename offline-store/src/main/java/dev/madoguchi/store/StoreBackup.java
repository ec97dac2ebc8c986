package dev.madoguchi.store;

import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.clerks.Capability;
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
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The backup file: a zip holding {@code madoguchi.mv.db} (H2's online backup of the encrypted file, so still
 * encrypted) and {@code madoguchi.keys} (the wrapped keys). Restoring needs a clerk of the backed-up store.
 */
final class StoreBackup {

    private static final String MARKER = "madoguchi-backup-1";

    private StoreBackup() {
    }

    static void write(LocalStore store, Path file) {
        Path target = file.toAbsolutePath();
        Path h2zip = target.resolveSibling(target.getFileName() + ".h2.partial");
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(h2zip);
            store.backupDatabaseTo(h2zip);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(h2zip));
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
                out.putNextEntry(new ZipEntry(MARKER));
                out.closeEntry();
                boolean found = false;
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (e.getName().endsWith(LocalStore.DATABASE_FILE)) {
                        out.putNextEntry(new ZipEntry(LocalStore.DATABASE_FILE));
                        in.transferTo(out);
                        out.closeEntry();
                        found = true;
                    }
                }
                if (!found) {
                    throw new IOException("H2's backup holds no database file");
                }
                out.putNextEntry(new ZipEntry(Keyring.FILE_NAME));
                Files.copy(Keyring.in(store.directory()), out);
                out.closeEntry();
            }
            try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            store.auditBackup(target);
        } catch (IOException e) {
            throw new StoreException(diskFull(e) ? StoreError.DISK_FULL : StoreError.STORE_ERROR,
                    "cannot write the backup: " + e.getClass().getSimpleName(), e);
        } finally {
            deleteQuietly(h2zip);
            deleteQuietly(partial);
        }
    }

    static void restore(Path backup, Path directory, String clerkId, char[] passphrase, StoreOptions options) {
        Path staging;
        try {
            Files.createDirectories(directory);
            staging = Files.createTempDirectory(directory.toAbsolutePath().getParent(), ".madoguchi-restore");
        } catch (IOException e) {
            throw new StoreException(StoreError.STORE_ERROR, "cannot prepare the restore: " + e, e);
        }
        try {
            extract(backup, staging);
            try (LocalStore restored = LocalStore.open(staging, clerkId, passphrase, options)) {
                restored.context().require(Capability.MAINTAIN_STORE);
                StoreVerification verification = restored.verify();
                if (!verification.intact()) {
                    throw new StoreException(StoreError.CORRUPT_FILE, "the backup's audit chain is broken at row "
                            + verification.audit().firstBrokenSeq().getAsLong(), null);
                }
                restored.context().inTransaction("record the restore", c -> {
                    restored.context().audit(c, AuditAction.RESTORE, null, backup.getFileName().toString());
                    return null;
                });
            }
            Path database = directory.resolve(LocalStore.DATABASE_FILE);
            ensureNotOpen(database);
            for (String name : new String[] {LocalStore.DATABASE_FILE, Keyring.FILE_NAME}) {
                Path current = directory.resolve(name);
                if (Files.exists(current)) {
                    Files.move(current, directory.resolve(name + ".before-restore"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(staging.resolve(LocalStore.DATABASE_FILE), database);
            Files.move(staging.resolve(Keyring.FILE_NAME), directory.resolve(Keyring.FILE_NAME));
        } catch (IOException e) {
            throw new StoreException(diskFull(e) ? StoreError.DISK_FULL : StoreError.STORE_ERROR,
                    "cannot restore: " + e.getClass().getSimpleName(), e);
        } finally {
            deleteTree(staging);
        }
    }

    private static void extract(Path backup, Path staging) throws IOException {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry marker = zip.getEntry(MARKER);
            ZipEntry db = zip.getEntry(LocalStore.DATABASE_FILE);
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
}
