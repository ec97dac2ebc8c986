package dev.madoguchi.sync.fault;

import dev.madoguchi.store.LocalStore;
import dev.madoguchi.sync.SyncTestStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.stream.Stream;

/**
 * One real store with the fault tests' operations written through the real repositories (cases and shelter events
 * mixed), made once per JVM and copied for each test (a copy of a closed store's two files is a whole store).
 */
final class OperationsTemplate {

    /** Operations per fault test: 10,000 (override with -Dsync.faultOps=N for a quick local run). */
    static final int OPERATIONS = Integer.getInteger("sync.faultOps", 10_000);
    static final int SHELTERS = 400;

    private static Path template;
    private static long writeMillis;

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private OperationsTemplate() {
    }

    static synchronized Path copyTo(Path target) {
        try {
            if (template == null) {
                // kept under target/ between runs of the same build tree: writing 10,000 operations through the
                // repositories (one transaction + audit row each) is the slowest part of these tests
                Path dir = Path.of("target", "fault-template-" + OPERATIONS).toAbsolutePath();
                if (Files.exists(dir.resolve("complete"))) {
                    template = dir;
                    System.out.printf("[fault] template store with %,d operations reused from %s%n", OPERATIONS, dir);
                } else {
                    deleteTree(dir);
                    Files.createDirectories(dir);
                }
            }
            if (template == null) {
                Path dir = Path.of("target", "fault-template-" + OPERATIONS).toAbsolutePath();
                long started = System.nanoTime();
                try (LocalStore store = SyncTestStores.create(dir, Clock.systemUTC())) {
                    SyncTestStores.writeOperations(store, OPERATIONS, SHELTERS, "");
                }
                writeMillis = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("[fault] template store: %,d operations written through the repositories in %,d ms%n",
                        OPERATIONS, writeMillis);
                Files.writeString(dir.resolve("complete"), OPERATIONS + "\n");
                template = dir;
            }
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(template)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (f.getFileName().toString().equals("complete")) {
                        continue;
                    }
                    Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
