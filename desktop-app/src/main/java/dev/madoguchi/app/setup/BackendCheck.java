package dev.madoguchi.app.setup;

import dev.madoguchi.sync.backend.BackendClient;
import dev.madoguchi.sync.backend.BackendConfig;
import dev.madoguchi.sync.backend.BackendResult;
import dev.madoguchi.sync.backend.Health;
import dev.madoguchi.sync.backend.HttpBackendClient;
import dev.madoguchi.sync.backend.RegisterPage;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Tries the backend as the setup step configures it: {@code GET /health} (unauthenticated), then one page of register
 * changes with the terminal's token, so a wrong token, an untrusted certificate or a backend that is not there is found
 * now and named by a {@link SetupError}. Synchronous: call it on the sync lane.
 */
public final class BackendCheck {

    /** How long a try waits for the backend (the person waits in front of the step). */
    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration REQUEST = Duration.ofSeconds(10);

    private final Function<BackendConfig, BackendClient> clients;

    public BackendCheck() {
        this(HttpBackendClient::new);
    }

    BackendCheck(Function<BackendConfig, BackendClient> clients) {
        this.clients = clients;
    }

    /** What the backend said: its version and database kind. */
    public record Answer(String version, String database) {}

    /**
     * @param trustStore a PKCS12/JKS store or PEM/DER certificates for a private CA, or null for the JDK's
     * @throws SetupException typed: the URL, the token file, the trust store, unreachable, TLS, refused, bad answer
     */
    public Answer check(String url, Path tokenFile, Path trustStore, char[] trustStorePassword) {
        BackendConfig config = config(url, tokenFile, trustStore, trustStorePassword);
        BackendClient client;
        try {
            client = clients.apply(config);
        } catch (IllegalArgumentException e) {
            throw new SetupException(SetupError.TRUST_STORE, e.getMessage(), e);
        }
        Health health = answer(client.health(), "health");
        if (!health.up()) {
            throw new SetupException(SetupError.BACKEND_UNREACHABLE, "the backend says it is " + health.status(), null);
        }
        RegisterPage page = answer(client.registerChanges(null, 1), "register changes");
        if (page == null) {
            throw new SetupException(SetupError.BACKEND_BAD_ANSWER, "no register page", null);
        }
        return new Answer(health.version(), health.database());
    }

    /** The backend's configuration from what the step was given (checked, nothing sent). */
    public static BackendConfig config(String url, Path tokenFile, Path trustStore, char[] trustStorePassword) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new SetupException(SetupError.BAD_BACKEND_URL, "not a URL", e);
        }
        String token = token(tokenFile);
        BackendConfig config;
        try {
            config = BackendConfig.of(uri, token).withTimeouts(CONNECT, REQUEST);
        } catch (IllegalArgumentException e) {
            throw new SetupException(SetupError.BAD_BACKEND_URL, e.getMessage(), e);
        }
        if (trustStore != null) {
            if (!Files.isRegularFile(trustStore) || !Files.isReadable(trustStore)) {
                throw new SetupException(SetupError.TRUST_STORE, "the trust store cannot be read", null);
            }
            config = config.withTrustStore(trustStore.toAbsolutePath(), trustStorePassword);
        }
        return config;
    }

    /**
     * The terminal token in a token file ({@code <terminalId>.<secret>}, one line).
     *
     * @throws SetupException TOKEN_FILE when the file cannot be read or holds no token (the token is never in the message)
     */
    public static String token(Path tokenFile) {
        if (tokenFile == null) {
            throw new SetupException(SetupError.TOKEN_FILE, "no token file", null);
        }
        String token;
        try {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            throw new SetupException(SetupError.TOKEN_FILE, "the token file cannot be read: " + e.getClass()
                    .getSimpleName(), e);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1 || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new SetupException(SetupError.TOKEN_FILE, "the token file holds no <terminalId>.<secret>", null);
        }
        return token;
    }

    private static <T> T answer(BackendResult<T> result, String what) {
        if (result instanceof BackendResult.Success<T> success) {
            return success.body();
        }
        if (result instanceof BackendResult.Refused<T> refused) {
            SetupError error = refused.status() == 401 || refused.status() == 403 ? SetupError.TOKEN_REFUSED
                    : refused.status() >= 500 ? SetupError.BACKEND_UNREACHABLE : SetupError.BACKEND_BAD_ANSWER;
            throw new SetupException(error, what + ": HTTP " + refused.status(), null);
        }
        BackendResult.Unreachable<T> none = (BackendResult.Unreachable<T>) result;
        SetupError error = switch (none.reason()) {
            case NETWORK, TIMEOUT -> SetupError.BACKEND_UNREACHABLE;
            case TLS -> SetupError.BACKEND_TLS;
            case BAD_ANSWER -> SetupError.BACKEND_BAD_ANSWER;
        };
        throw new SetupException(error, what + ": " + none.reason() + " " + none.detail(), null);
    }
}
