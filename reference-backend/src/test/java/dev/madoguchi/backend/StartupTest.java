package dev.madoguchi.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the backend starts: TLS, the loopback rule, an unreachable database, a port in use. */
class StartupTest {

    @TempDir
    Path temp;

    @Test
    void servesTlsFromAPkcs12KeyStore() throws Exception {
        Path keystore = temp.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "backend", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "test-pass")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();

        BackendConfig config = BackendConfig.builder(BackendConfig.h2FileUrl(temp)).port(0).demoResidents(0)
                .tls(keystore, "test-pass").build();
        try (ReferenceBackend backend = ReferenceBackend.start(config)) {
            assertThat(backend.baseUri().getScheme()).isEqualTo("https");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (FileInputStream in = new FileInputStream(keystore.toFile())) {
                trust.load(in, "test-pass".toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(backend.baseUri().resolve("health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(r.body()).get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void refusesPlainHttpOnAnAddressThatIsNotLoopback() {
        BackendConfig config = BackendConfig.builder(BackendConfig.h2FileUrl(temp)).bindAddress("0.0.0.0").port(0)
                .demoResidents(0).build();
        assertThatThrownBy(() -> ReferenceBackend.start(config)).isInstanceOf(BackendStartException.class)
                .hasMessageContaining("loopback");
        assertThat(temp.resolve("db")).as("nothing was opened").doesNotExist();
    }

    @Test
    void anUnreachableDatabaseIsAStartFailureWithTheReason() {
        BackendConfig config = BackendConfig.builder("jdbc:postgresql://127.0.0.1:1/none?user=x&connectTimeout=2")
                .port(0).demoResidents(0).build();
        assertThatThrownBy(() -> ReferenceBackend.start(config)).isInstanceOf(BackendStartException.class)
                .hasMessageContaining("cannot be opened");
    }

    @Test
    void aPortInUseIsAStartFailureAndReleasesTheDatabase() throws Exception {
        try (ReferenceBackend first = ReferenceBackend.start(BackendConfig.forTests(BackendConfig.h2FileUrl(
                temp.resolve("a"))))) {
            BackendConfig second = BackendConfig.forTests(BackendConfig.h2FileUrl(temp.resolve("b")))
                    .withPort(first.port());
            assertThatThrownBy(() -> ReferenceBackend.start(second)).isInstanceOf(BackendStartException.class)
                    .hasMessageContaining("cannot listen");
            // the database of the failed start is closed again: another process could open it
            try (BackendData reopened = BackendData.open(second)) {
                assertThat(reopened.register().countCurrent()).isZero();
            }
        }
        assertThat(Files.exists(temp.resolve("b").resolve("db").resolve("backend.mv.db"))).isTrue();
    }
}
