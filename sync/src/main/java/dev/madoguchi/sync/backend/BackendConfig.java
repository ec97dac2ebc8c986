package dev.madoguchi.sync.backend;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How to reach the backend: base URI, this terminal's bearer token ({@code <terminalId>.<secret>}), timeouts and, for
 * HTTPS with a private CA, a trust store (PKCS12/JKS with its password, or PEM/DER certificates). Plain HTTP is
 * accepted only to a loopback address (tests, a backend on the same machine). The token is not in {@link #toString()}.
 *
 * @param trustStore null = the JDK's default trust anchors
 * @param trustStorePassword null for certificate files or a store without integrity password
 */
public record BackendConfig(URI baseUri, String token, Duration connectTimeout, Duration requestTimeout,
        Path trustStore, char[] trustStorePassword) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public BackendConfig {
        if (baseUri == null || baseUri.getScheme() == null || baseUri.getHost() == null) {
            throw new IllegalArgumentException("the backend URL needs a scheme and a host, e.g. https://backend.example");
        }
        String scheme = baseUri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback(baseUri.getHost()))) {
            throw new IllegalArgumentException("the backend URL must use https (plain http only to a loopback address)");
        }
        if (token == null || token.indexOf('.') <= 0 || token.indexOf('.') == token.length() - 1
                || token.chars().anyMatch(ch -> ch <= ' ' || ch > '~')) {
            throw new IllegalArgumentException("the terminal token has the form <terminalId>.<secret>");
        }
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
    }

    /** With the default timeouts and trust anchors. */
    public static BackendConfig of(URI baseUri, String token) {
        return new BackendConfig(baseUri, token, null, null, null, null);
    }

    public BackendConfig withTimeouts(Duration connect, Duration request) {
        return new BackendConfig(baseUri, token, connect, request, trustStore, trustStorePassword);
    }

    public BackendConfig withTrustStore(Path store, char[] password) {
        return new BackendConfig(baseUri, token, connectTimeout, requestTimeout, store, password);
    }

    /** The terminal id: the token's part before the first dot. */
    public String terminalId() {
        return token.substring(0, token.indexOf('.'));
    }

    static boolean loopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.startsWith("127.") || h.equals("::1");
    }

    @Override
    public String toString() {
        return "BackendConfig[" + baseUri + ", terminal " + terminalId() + ", connect " + connectTimeout + ", request "
                + requestTimeout + (trustStore == null ? "" : ", trust store " + trustStore) + "]";
    }
}
