package dev.madoguchi.sync.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BackendClient} over HTTP/1.1 with {@link java.net.http.HttpClient}: bearer token on every {@code /api/v1}
 * call, connect and request timeouts, RFC 7807 problems parsed, HTTPS with a configured trust store. Synchronous (the
 * JDK client's own selector thread is an implementation detail of the JDK). The token is never logged; bodies are never
 * logged (they may hold personal data).
 */
public final class HttpBackendClient implements BackendClient {

    private static final Logger LOG = LoggerFactory.getLogger(HttpBackendClient.class);
    private static final String JSON = "application/json; charset=utf-8";

    private final BackendConfig config;
    private final HttpClient http;
    private final BackendJson json = new BackendJson();
    private final Clock clock;
    private final URI base;

    public HttpBackendClient(BackendConfig config) {
        this(config, Clock.systemUTC());
    }

    public HttpBackendClient(BackendConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        String b = config.baseUri().toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (config.trustStore() != null) {
            builder.sslContext(sslContext(config));
        }
        this.http = builder.build();
    }

    /** Builds the TLS context that trusts exactly the configured store or certificates. */
    static SSLContext sslContext(BackendConfig config) {
        try {
            KeyStore trusted;
            String name = config.trustStore().getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks")) {
                trusted = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
                try (InputStream in = Files.newInputStream(config.trustStore())) {
                    trusted.load(in, config.trustStorePassword());
                }
            } else {
                trusted = KeyStore.getInstance(KeyStore.getDefaultType());
                trusted.load(null, null);
                try (InputStream in = Files.newInputStream(config.trustStore())) {
                    int i = 0;
                    for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        trusted.setCertificateEntry("backend-" + i++, cert);
                    }
                }
                if (trusted.size() == 0) {
                    throw new IllegalArgumentException("the trust file " + config.trustStore()
                            + " holds no certificate");
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the trust store " + config.trustStore() + ": " + e, e);
        }
    }

    public BackendConfig config() {
        return config;
    }

    @Override
    public BackendResult<List<BatchItemResult>> submitBatch(List<OutgoingMessage> messages) {
        if (messages.isEmpty() || messages.size() > 500) {
            throw new IllegalArgumentException("a batch holds 1..500 messages, not " + messages.size());
        }
        HttpRequest request = authorised("api/v1/batch")
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.batchBody(messages)))
                .build();
        return exchange(request, json::batchResults);
    }

    @Override
    public BackendResult<Receipt> put(OutgoingMessage message) {
        HttpRequest request = authorised("api/v1/" + message.resource().path() + "/" + message.id())
                .header("Content-Type", JSON)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json.putBody(message)))
                .build();
        return exchange(request, json::receipt);
    }

    @Override
    public BackendResult<RegisterPage> registerChanges(String since, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a register page holds 1..1000 changes");
        }
        String query = "limit=" + limit + (since == null ? "" : "&since=" + URLEncoder.encode(since,
                StandardCharsets.UTF_8));
        return exchange(authorised("api/v1/register/changes?" + query).GET().build(), json::registerPage);
    }

    @Override
    public BackendResult<MoveOutPage> pendingMoveOuts(String since, int limit, java.time.LocalDate today) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a move-out page holds 1..1000 records");
        }
        String query = "limit=" + limit + (since == null ? "" : "&since=" + URLEncoder.encode(since,
                StandardCharsets.UTF_8));
        return exchange(authorised("api/v1/move-outs/pending?" + query).GET().build(),
                node -> MoveOutJson.page(node, today));
    }

    @Override
    public BackendResult<ShelterListPage> shelterList() {
        return exchange(authorised("api/v1/shelters").GET().build(), ShelterListJson::page);
    }

    @Override
    public BackendResult<ResidentRecord> resident(String residentCode) {
        if (residentCode == null || !residentCode.matches("\\d{11}")) {
            throw new IllegalArgumentException("a 住民票コード has 11 digits");
        }
        return exchange(authorised("api/v1/residents/" + residentCode).GET().build(), json::resident);
    }

    @Override
    public BackendResult<Health> health() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("health"))
                .timeout(config.requestTimeout())
                .header("Accept", "application/json")
                .GET().build();
        return exchange(request, json::health);
    }

    private HttpRequest.Builder authorised(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(config.requestTimeout())
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + config.token());
    }

    @FunctionalInterface
    private interface BodyReader<T> {
        T read(JsonNode node) throws BackendJson.BadAnswerException;
    }

    private <T> BackendResult<T> exchange(HttpRequest request, BodyReader<T> reader) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            return unreachable(request, BackendResult.Reason.TIMEOUT, "connect timeout");
        } catch (HttpTimeoutException e) {
            return unreachable(request, BackendResult.Reason.TIMEOUT, "no answer within " + config.requestTimeout());
        } catch (SSLException e) {
            return unreachable(request, BackendResult.Reason.TLS, "TLS: " + e.getMessage());
        } catch (ConnectException e) {
            return unreachable(request, BackendResult.Reason.NETWORK, "connection refused");
        } catch (IOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SSLException ssl) {
                return unreachable(request, BackendResult.Reason.TLS, "TLS: " + ssl.getMessage());
            }
            return unreachable(request, BackendResult.Reason.NETWORK, e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(request, BackendResult.Reason.NETWORK, "interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return new BackendResult.Success<>(status, reader.read(json.tree(response.body())));
            } catch (BackendJson.BadAnswerException e) {
                return unreachable(request, BackendResult.Reason.BAD_ANSWER, "HTTP " + status + ": " + e.getMessage());
            }
        }
        Problem problem = problemOf(response);
        Duration retryAfter = retryAfter(response.headers().firstValue("Retry-After"), clock.instant()).orElse(null);
        LOG.debug("backend refused {} {}: {}", request.method(), request.uri().getPath(), problem.summary());
        return new BackendResult.Refused<>(status, problem, retryAfter);
    }

    private Problem problemOf(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            try {
                JsonNode node = json.tree(response.body());
                if (node.isObject()) {
                    return json.problem(node, response.statusCode());
                }
            } catch (BackendJson.BadAnswerException e) {
                // fall through: a made-up problem
            }
        }
        return Problem.of(response.statusCode(), "HTTP " + response.statusCode() + " without a problem body");
    }

    private static <T> BackendResult<T> unreachable(HttpRequest request, BackendResult.Reason reason, String detail) {
        LOG.debug("backend unreachable for {} {}: {} {}", request.method(), request.uri().getPath(), reason, detail);
        return new BackendResult.Unreachable<>(reason, detail);
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
