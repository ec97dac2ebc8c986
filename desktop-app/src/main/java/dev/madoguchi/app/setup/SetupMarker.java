package dev.madoguchi.app.setup;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A plain file beside a set-up store ({@value #FILE}: the municipality's code and name, nothing personal), so the start
 * knows without a passphrase that this is a real municipality's store and never opens it as the demo's.
 */
public final class SetupMarker {

    public static final String FILE = "municipality.properties";

    private SetupMarker() {}

    /** True when the store directory was set up for a municipality. */
    public static boolean present(Path storeDirectory) {
        return Files.isRegularFile(storeDirectory.resolve(FILE));
    }

    /** "name (code)" of the municipality, when the marker can be read. */
    public static Optional<String> read(Path storeDirectory) {
        try (Reader in = Files.newBufferedReader(storeDirectory.resolve(FILE), StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(in);
            return Optional.of(p.getProperty("name", "?") + " (" + p.getProperty("code", "?") + ")");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void write(Path storeDirectory, String code, String name) throws IOException {
        Properties p = new Properties();
        p.setProperty("code", code);
        p.setProperty("name", name);
        try (Writer out = Files.newBufferedWriter(storeDirectory.resolve(FILE), StandardCharsets.UTF_8)) {
            p.store(out, "Madoguchi: this store was set up for a municipality (docs/adr/0031)");
        }
    }
}
