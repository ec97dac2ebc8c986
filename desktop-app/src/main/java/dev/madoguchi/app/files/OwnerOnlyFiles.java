package dev.madoguchi.app.files;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files only their owner can read (docs/adr/0021). On POSIX the process's file-creation mask becomes {@code 077}
 * before any file is written, so everything Madoguchi creates — the store, its keyring and keys, logs, backups,
 * exports, H2's own files — is {@code 0600} (folders {@code 0700}); the data directory itself is made {@code 0700}.
 * On Windows the data directory gets an ACL with one entry, its owner, inherited by everything created in it.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /** The C function used, bound through JNA (which card-io's PC/SC binding already brings). */
    interface CLibrary extends Library {
        int umask(int mask);
    }

    private OwnerOnlyFiles() {}

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Sets the process's file-creation mask to {@code 077} (POSIX only).
     *
     * @return false when it could not be set (no JNA native library): files then get the caller's umask
     */
    public static boolean restrictNewFiles() {
        if (!posix()) {
            return false;
        }
        try {
            Native.load("c", CLibrary.class).umask(0077);
            return true;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    /** Creates the directory if needed and makes it owner-only (0700, or an owner-only inherited ACL on Windows). */
    public static void secureDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (posix()) {
            Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(directory, AclFileAttributeView.class);
        if (acl == null) {
            return;
        }
        UserPrincipal owner = Files.getOwner(directory);
        acl.setAcl(List.of(AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT)
                .build()));
    }

    /** The process start: owner-only new files, and the data directory owner-only. Failures are left to doctor. */
    public static void prepare(Path dataDirectory) {
        restrictNewFiles();
        try {
            secureDirectory(dataDirectory);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // a data directory that cannot be created or secured is reported when it is used, and by doctor
        }
    }

    /**
     * The files and folders in {@code directory} (itself included) that others than their owner may read, write or
     * enter: POSIX group or other bits, or on Windows an ACL entry for another principal.
     */
    public static List<Path> tooOpen(Path directory) throws IOException {
        List<Path> open = new ArrayList<>();
        if (!Files.exists(directory)) {
            return open;
        }
        try (Stream<Path> paths = Files.walk(directory, 6)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (!Files.isSymbolicLink(p) && isOpen(p)) {
                    open.add(p);
                }
            }
        }
        return open;
    }

    private static boolean isOpen(Path path) throws IOException {
        if (posix()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            return permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"));
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl == null) {
            return false;
        }
        UserPrincipal owner = Files.getOwner(path);
        return acl.getAcl().stream().anyMatch(e -> e.type() == AclEntryType.ALLOW && !e.principal().equals(owner)
                && !e.principal().getName().endsWith("SYSTEM"));
    }
}
