package dev.madoguchi.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The repository's main Java sources, found from the module directory the tests run in. */
final class SourceTree {

    private SourceTree() {
    }

    /** The repository root: the nearest directory upwards that holds {@code mvnw} and a {@code pom.xml}. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Every {@code <module>/src/main/java/**.java} under {@code root}, as a root-relative path with '/' → its lines. */
    static Map<String, Integer> mainSourceLines(Path root) {
        Map<String, Integer> lines = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path sources = module.resolve("src/main/java");
                if (!Files.isDirectory(sources)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        lines.put(root.relativize(file).toString().replace('\\', '/'), lineCount(file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static int lineCount(Path file) throws IOException {
        List<String> all = Files.readAllLines(file);
        return all.size();
    }
}
