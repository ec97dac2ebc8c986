package dev.madoguchi.sync.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP adapter against a real HTTP(S) server on loopback (the JDK's com.sun.net.httpserver) that answers as told:
 * headers, bodies, problems, timeouts, TLS trust. The contract tests against the reference backend are in
 * ReferenceBackendContractTest.
 */
class HttpBackendClientTest {

    private static final String TOKEN = "t1.c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA";

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", recording(handler));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private HttpHandler recording(HttpHandler handler) {
        return exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            handler.handle(exchange);
        };
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static OutgoingMessage message() throws IOException {
        return new OutgoingMessage(UUID.fromString("0b6f3a8e-3c1d-4a57-9f8e-2d6c1b7a9e01"), Resource.APPLICATIONS,
                "case-1", 1, "case.opened", "t1", Instant.parse("2026-12-01T10:42:00.123Z"),
                new ObjectMapper().readTree("{\"name\":\"𠮷田\"}"));
    }

    @Test
    void aBatchCarriesTheBearerTokenAndTheContractsFieldsAndItsResultsAreRead() throws Exception {
        URI base = serve(exchange -> answer(exchange, 200, "application/json; charset=utf-8",
                "{\"results\":[{\"id\":\"0b6f3a8e-3c1d-4a57-9f8e-2d6c1b7a9e01\",\"status\":201,\"receipt\":{\"id\":"
                        + "\"0b6f3a8e-3c1d-4a57-9f8e-2d6c1b7a9e01\",\"receiptNumber\":\"7\",\"receivedAt\":"
                        + "\"2026-12-01T10:42:01Z\"},\"problem\":null},{\"id\":null,\"status\":400,\"receipt\":null,"
                        + "\"problem\":{\"type\":\"https://madoguchi.dev/problems/validation\",\"title\":\"Invalid\","
                        + "\"status\":400,\"detail\":\"sequence must be a number\",\"code\":\"API-400-VALIDATION\","
                        + "\"errors\":[{\"pointer\":\"/items/1/sequence\",\"message\":\"not a number\"}]}}]}"));
        HttpBackendClient client = new HttpBackendClient(BackendConfig.of(base, TOKEN));

        BackendResult<List<BatchItemResult>> result = client.submitBatch(List.of(message()));

        assertThat(result).isInstanceOf(BackendResult.Success.class);
        List<BatchItemResult> items = ((BackendResult.Success<List<BatchItemResult>>) result).body();
        assertThat(items.get(0).receipt().receiptNumber()).isEqualTo("7");
        assertThat(items.get(1).id()).isNull();
        assertThat(items.get(1).problem().code()).isEqualTo("API-400-VALIDATION");
        assertThat(items.get(1).problem().summary()).contains("/items/1/sequence not a number");
        assertThat(authorizations).containsExactly("Bearer " + TOKEN);
        var sent = new ObjectMapper().readTree(bodies.get(0)).get("items").get(0);
        assertThat(sent.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "resource", "aggregateId",
                "sequence", "kind", "terminalId", "recordedAt", "payload");
        assertThat(sent.get("resource").asText()).isEqualTo("applications");
        assertThat(sent.get("recordedAt").asText()).isEqualTo("2026-12-01T10:42:00.123Z");
        assertThat(sent.get("payload").get("name").asText()).isEqualTo("𠮷田");
    }

    @Test
    void aProblemIsParsedIntoATypedRefusalWithRetryAfter() throws Exception {
        URI base = serve(exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "120");
            answer(exchange, 503, "application/problem+json", "{\"type\":\"https://madoguchi.dev/problems/unavailable\","
                    + "\"title\":\"Unavailable\",\"status\":503,\"detail\":\"the database does not answer\","
                    + "\"code\":\"API-503-UNAVAILABLE\"}");
        });
        BackendResult<Receipt> r = new HttpBackendClient(BackendConfig.of(base, TOKEN)).put(message());
        assertThat(r).isInstanceOf(BackendResult.Refused.class);
        var refused = (BackendResult.Refused<Receipt>) r;
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.problem().code()).isEqualTo("API-503-UNAVAILABLE");
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void anAnswerThatIsNotAProblemStillGivesAProblemWithItsStatus() throws Exception {
        URI base = serve(exchange -> answer(exchange, 502, "text/html", "<html>Bad gateway</html>"));
        var r = (BackendResult.Refused<Receipt>) new HttpBackendClient(BackendConfig.of(base, TOKEN)).put(message());
        assertThat(r.problem().status()).isEqualTo(502);
        assertThat(r.problem().code()).isEqualTo("HTTP-502");
    }

    @Test
    void aBodyThatBreaksTheContractIsABadAnswer() throws Exception {
        URI base = serve(exchange -> answer(exchange, 200, "application/json", "{\"results\":\"no\"}"));
        var r = new HttpBackendClient(BackendConfig.of(base, TOKEN)).submitBatch(List.of(message()));
        assertThat(r).isInstanceOf(BackendResult.Unreachable.class);
        assertThat(((BackendResult.Unreachable<?>) r).reason()).isEqualTo(BackendResult.Reason.BAD_ANSWER);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsATimeout() throws Exception {
        URI base = serve(exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "application/json", "{}");
        });
        HttpBackendClient client = new HttpBackendClient(BackendConfig.of(base, TOKEN)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));
        long started = System.nanoTime();
        var r = client.health();
        assertThat(r).isInstanceOf(BackendResult.Unreachable.class);
        assertThat(((BackendResult.Unreachable<?>) r).reason()).isEqualTo(BackendResult.Reason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void nothingListeningIsANetworkFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var r = new HttpBackendClient(BackendConfig.of(URI.create("http://127.0.0.1:" + port), TOKEN)).health();
        assertThat(((BackendResult.Unreachable<?>) r).reason()).isEqualTo(BackendResult.Reason.NETWORK);
    }

    @Test
    void healthIsUnauthenticatedAndRegisterPagesAreRead() throws Exception {
        URI base = serve(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/health")) {
                answer(exchange, 200, "application/json", "{\"status\":\"UP\",\"version\":\"1\",\"database\":\"H2\"}");
            } else {
                assertThat(exchange.getRequestURI().getRawQuery()).isEqualTo("limit=2&since=a%2Bb");
                answer(exchange, 200, "application/json", "{\"changes\":[{\"type\":\"UPSERT\",\"resident\":{"
                        + "\"residentId\":\"R1\",\"residentCode\":\"12345678901\",\"householdId\":\"H1\","
                        + "\"relationship\":\"世帯主\",\"familyName\":\"𠮷田\",\"givenName\":\"太郎\","
                        + "\"familyNameKana\":\"ヨシダ\",\"givenNameKana\":\"タロウ\",\"birthDate\":\"1980-04-01\","
                        + "\"sex\":\"M\",\"postalCode\":\"000-0001\",\"address\":\"架空県窓口市本町１丁目\","
                        + "\"movedInOn\":null,\"householdHeadResidentId\":\"R1\",\"householdAddress\":\"架空県窓口市本町１丁目\","
                        + "\"nationality\":null}},{\"type\":\"TOMBSTONE\",\"residentId\":\"R2\","
                        + "\"removedAt\":\"2026-12-01T10:00:00+09:00\"}],\"checkpoint\":\"c9\",\"hasMore\":true}");
            }
        });
        HttpBackendClient client = new HttpBackendClient(BackendConfig.of(base, TOKEN));
        assertThat(((BackendResult.Success<Health>) client.health()).body().up()).isTrue();
        assertThat(authorizations.get(0)).isEqualTo("null");
        var page = ((BackendResult.Success<RegisterPage>) client.registerChanges("a+b", 2)).body();
        assertThat(page.checkpoint()).isEqualTo("c9");
        assertThat(page.hasMore()).isTrue();
        assertThat(page.changes()).hasSize(2);
        assertThat(authorizations.get(1)).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void plainHttpIsRefusedForAnythingButLoopbackAndTheTokenIsNotPrinted() {
        assertThatThrownBy(() -> BackendConfig.of(URI.create("http://backend.example"), TOKEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> BackendConfig.of(URI.create("https://backend.example"), "no-dot"))
                .isInstanceOf(IllegalArgumentException.class);
        BackendConfig config = BackendConfig.of(URI.create("https://backend.example"), TOKEN);
        assertThat(config.toString()).doesNotContain(TOKEN.substring(3)).contains("terminal t1");
        assertThat(config.terminalId()).isEqualTo("t1");
    }

    @Test
    void retryAfterAsAnHttpDateIsUnderstood() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(HttpBackendClient.retryAfter(Optional.of("Tue, 01 Dec 2026 10:01:30 GMT"), now))
                .contains(Duration.ofSeconds(90));
        assertThat(HttpBackendClient.retryAfter(Optional.of("soon"), now)).isEmpty();
    }

    @Test
    void httpsTrustsExactlyTheConfiguredCertificate() throws Exception {
        Path keystore = dir.resolve("backend.p12");
        Path cert = dir.resolve("backend.pem");
        keytool("-genkeypair", "-alias", "backend", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore",
                keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "backend", "-keystore", keystore.toString(), "-storepass",
                "changeit", "-file", cert.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        https.createContext("/", exchange -> answer(exchange, 200, "application/json",
                "{\"status\":\"UP\",\"version\":\"1\",\"database\":\"H2\"}"));
        https.start();
        server = https;
        URI base = URI.create("https://127.0.0.1:" + https.getAddress().getPort());

        var trusted = new HttpBackendClient(BackendConfig.of(base, TOKEN).withTrustStore(cert, null)).health();
        assertThat(trusted).isInstanceOf(BackendResult.Success.class);
        var p12 = new HttpBackendClient(BackendConfig.of(base, TOKEN).withTrustStore(keystore,
                "changeit".toCharArray())).health();
        assertThat(p12).isInstanceOf(BackendResult.Success.class);

        var untrusted = new HttpBackendClient(BackendConfig.of(base, TOKEN)).health();
        assertThat(untrusted).isInstanceOf(BackendResult.Unreachable.class);
        assertThat(((BackendResult.Unreachable<?>) untrusted).reason()).isEqualTo(BackendResult.Reason.TLS);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }
}
