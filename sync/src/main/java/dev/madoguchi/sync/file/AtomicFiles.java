package dev.madoguchi.sync.file;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Writes a file so that it either exists complete or not at all under its name: the content goes to a hidden
 * temporary name ({@code .<name>.<random>.partial}), the file is fsynced, renamed atomically, and the directory is
 * fsynced so the rename itself survives a power cut. A reader that ignores hidden {@code .partial} files never sees a
 * half-written file.
 */
final class AtomicFiles {

    static final String PARTIAL_SUFFIX = ".partial";

    /** What writes the content. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private final UnaryOperator<OutputStream> streams;

    /** @param streams wraps the file's stream (tests inject a failing one); identity in production */
    AtomicFiles(UnaryOperator<OutputStream> streams) {
        this.streams = streams;
    }

    /** Writes UTF-8 text to {@code target}; refuses to replace an existing file. */
    void write(Path target, Content content) throws IOException {
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + PARTIAL_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                Writer out = new BufferedWriter(new OutputStreamWriter(streams.apply(Channels.newOutputStream(channel)),
                        StandardCharsets.UTF_8));
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Removes temporary files a crash left behind (they never held anything marked delivered). */
    static int removeLeftovers(Path folder) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*" + PARTIAL_SUFFIX)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
                removed++;
            }
        }
        return removed;
    }

    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
                throw e;
            }
        }
    }
}
