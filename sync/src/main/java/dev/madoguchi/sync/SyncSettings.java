package dev.madoguchi.sync;

import dev.madoguchi.store.StoreSettings;
import dev.madoguchi.sync.backend.BackendConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The sync configuration of this terminal, kept in the store's settings: the backend URL, the terminal token and an
 * optional trust store for HTTPS. The store file is encrypted at rest (docs/adr/0007), so the token is too; it is never
 * logged or printed ({@link BackendConfig#toString()} leaves it out).
 */
public final class SyncSettings {

    public static final String BACKEND_URL = "sync.backendUrl";
    public static final String TERMINAL_TOKEN = "sync.terminalToken";
    public static final String TRUST_STORE = "sync.trustStore";
    public static final String TRUST_STORE_PASSWORD = "sync.trustStorePassword";

    private final StoreSettings settings;

    public SyncSettings(StoreSettings settings) {
        this.settings = settings;
    }

    /** The backend to sync with, when both URL and token are configured. */
    public Optional<BackendConfig> backend() {
        Optional<String> url = settings.get(BACKEND_URL).filter(s -> !s.isBlank());
        Optional<String> token = settings.get(TERMINAL_TOKEN).filter(s -> !s.isBlank());
        if (url.isEmpty() || token.isEmpty()) {
            return Optional.empty();
        }
        BackendConfig config = BackendConfig.of(URI.create(url.get()), token.get());
        Optional<String> trust = settings.get(TRUST_STORE).filter(s -> !s.isBlank());
        if (trust.isPresent()) {
            char[] password = settings.get(TRUST_STORE_PASSWORD).filter(s -> !s.isEmpty()).map(String::toCharArray)
                    .orElse(null);
            config = config.withTrustStore(Path.of(trust.get()), password);
        }
        return Optional.of(config);
    }

    /**
     * Stores a configuration after checking it ({@link BackendConfig} refuses plain HTTP off loopback and a token not
     * of the form {@code <terminalId>.<secret>}); null keeps the stored value.
     *
     * @throws IllegalArgumentException when the result would not be a usable configuration
     */
    public BackendConfig configure(URI backendUrl, String token, Path trustStore, char[] trustStorePassword) {
        String url = backendUrl != null ? backendUrl.toString() : settings.get(BACKEND_URL).orElse(null);
        String tok = token != null ? token.strip() : settings.get(TERMINAL_TOKEN).orElse(null);
        if (url == null || tok == null) {
            throw new IllegalArgumentException("both the backend URL and the terminal token are needed");
        }
        BackendConfig config = BackendConfig.of(URI.create(url), tok);
        if (trustStore != null) {
            config = config.withTrustStore(trustStore.toAbsolutePath(), trustStorePassword);
        }
        settings.put(BACKEND_URL, url);
        settings.put(TERMINAL_TOKEN, tok);
        if (trustStore != null) {
            settings.put(TRUST_STORE, trustStore.toAbsolutePath().toString());
            settings.put(TRUST_STORE_PASSWORD, trustStorePassword == null ? "" : new String(trustStorePassword));
        }
        return config;
    }

    /** An instant as stored in a setting, or null when the text is not one (a damaged or hand-edited value). */
    static java.time.Instant instantOrNull(String text) {
        try {
            return java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
