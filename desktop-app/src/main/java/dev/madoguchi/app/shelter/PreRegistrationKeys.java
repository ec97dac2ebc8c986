package dev.madoguchi.app.shelter;

import dev.madoguchi.forms.qr.TerminalKey;
import dev.madoguchi.forms.qr.TrustedKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The municipality keys a signed pre-registration QR must be signed with: every {@code *.pem} public key in one
 * folder ({@code <data-dir>/keys/pre-registration/}), named by its file. Read when a QR is scanned, so a key copied
 * in counts at once; an unreadable file is logged once per read and skipped.
 */
public final class PreRegistrationKeys implements Supplier<List<TrustedKey>> {

    private static final Logger LOG = LoggerFactory.getLogger(PreRegistrationKeys.class);

    private final Path folder;

    public PreRegistrationKeys(Path folder) {
        this.folder = folder;
    }

    @Override
    public List<TrustedKey> get() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<TrustedKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path pem : files.filter(f -> f.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                try {
                    String label = pem.getFileName().toString().replaceFirst("\\.pem$", "");
                    keys.add(TrustedKey.of(label, TerminalKey.readPublicKey(Files.readString(pem)), null));
                } catch (IOException e) {
                    LOG.warn("pre-registration key {} skipped: {}", pem.getFileName(), e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("pre-registration keys not read: {}", e.getMessage());
        }
        return List.copyOf(keys);
    }
}
