package dev.madoguchi.sync;

import dev.madoguchi.backend.BackendConfig;
import dev.madoguchi.backend.ReferenceBackend;
import dev.madoguchi.backend.submission.Resource;
import dev.madoguchi.backend.submission.StoredSubmission;
import dev.madoguchi.sync.backend.HttpBackendClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real reference backend in this JVM on loopback, on an H2 file: started, stopped and started again on the same
 * port and database, with its test hooks.
 */
public final class BackendFixture implements AutoCloseable {

    public static final String TERMINAL = "T-001";

    private final BackendConfig config;
    private ReferenceBackend running;
    private final String token;
    private int port;

    public BackendFixture(Path dir) {
        this.config = BackendConfig.forTests(BackendConfig.h2FileUrl(dir));
        this.running = ReferenceBackend.start(config);
        this.port = running.port();
        this.token = running.terminals().register(TERMINAL).value();
    }

    public ReferenceBackend backend() {
        if (running == null) {
            throw new IllegalStateException("the backend is stopped");
        }
        return running;
    }

    public String token() {
        return token;
    }

    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public dev.madoguchi.sync.backend.BackendConfig clientConfig() {
        return dev.madoguchi.sync.backend.BackendConfig.of(baseUri(), token)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20));
    }

    public HttpBackendClient client() {
        return new HttpBackendClient(clientConfig());
    }

    public boolean running() {
        return running != null;
    }

    public void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** Starts again on the same port and the same database. */
    public void start() {
        if (running == null) {
            running = ReferenceBackend.start(config.withPort(port));
        }
    }

    public List<StoredSubmission> stored(Resource resource) {
        return backend().submissions().list(resource);
    }

    @Override
    public void close() {
        stop();
    }
}
