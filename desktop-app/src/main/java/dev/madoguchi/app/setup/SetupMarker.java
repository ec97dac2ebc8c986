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
 * knows without a passphrase that this is a real municipality's store and never opens it as the demo's. It also holds
 * what the setup assistant recorded for this terminal that is needed without a sign-in: the forms folder
 * ({@value #FORMS_FOLDER}, read by the counter and {@code madoguchi form}) and the printer ({@value #PRINTER}, the
 * counter's preselected printer) — paths and a printer name, nothing personal.
 */
public final class SetupMarker {

    public static final String FILE = "municipality.properties";
    /** The municipality's forms folder (absolute path), when the setup recorded one. */
    public static final String FORMS_FOLDER = "forms.folder";
    /** The printer the setup's test page went to: the counter preselects it. */
    public static final String PRINTER = "print.printer";

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

    /** The forms folder recorded for this terminal, if any. */
    public static Optional<Path> formsFolder(Path storeDirectory) {
        return value(storeDirectory, FORMS_FOLDER).map(Path::of);
    }

    /** The printer recorded for this terminal, if any. */
    public static Optional<String> printer(Path storeDirectory) {
        return value(storeDirectory, PRINTER);
    }

    private static Optional<String> value(Path storeDirectory, String key) {
        return load(storeDirectory).map(p -> p.getProperty(key)).filter(v -> !v.isBlank());
    }

    private static Optional<Properties> load(Path storeDirectory) {
        Path file = storeDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(in);
            return Optional.of(p);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Records one value of a set-up store's file (the others stay); written beside and moved over it. */
    static void record(Path storeDirectory, String key, String value) throws IOException {
        Properties p = load(storeDirectory).orElseThrow(() -> new IOException("not a set-up store: "
                + storeDirectory));
        p.setProperty(key, value);
        Path temp = Files.createTempFile(storeDirectory, ".municipality", ".properties");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            p.store(out, "Madoguchi: this store was set up for a municipality (docs/adr/0031)");
        }
        Files.move(temp, storeDirectory.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
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
