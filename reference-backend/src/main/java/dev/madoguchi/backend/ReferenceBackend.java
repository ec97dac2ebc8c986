package dev.madoguchi.backend;

import dev.madoguchi.backend.db.BackendDatabaseException;
import dev.madoguchi.backend.db.DatabaseKind;
import dev.madoguchi.backend.http.ApiHandler;
import dev.madoguchi.backend.http.BackendFaults;
import dev.madoguchi.backend.http.ProblemErrorHandler;
import dev.madoguchi.backend.register.RegisterRepository;
import dev.madoguchi.backend.submission.SubmissionRepository;
import dev.madoguchi.backend.submission.SubmissionService;
import dev.madoguchi.backend.terminal.TerminalRepository;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.util.Properties;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference backend, running: a Jetty server on its database. Start it with {@link #start(BackendConfig)} (the
 * command line and tests alike), stop it with {@link #close()}.
 *
 * <p>In-process use (tests, the sync module's tests and benchmarks):
 * <pre>{@code
 * try (ReferenceBackend backend = ReferenceBackend.start(BackendConfig.forTests("jdbc:h2:file:/tmp/x/backend"))) {
 *     String token = backend.terminals().register("T-001").value();   // Authorization: Bearer <token>
 *     backend.register().upsert(residents);                             // register changes to pull
 *     URI api = backend.baseUri();                                      // http://127.0.0.1:<port>/
 *     backend.faults().cutNextAfterCommit(1);                           // test hooks (forTests only)
 * }
 * }</pre>
 *
 * <p>Threads: Jetty's pool ({@code backend-http-N}, at most {@link BackendConfig#maxThreads()}) and HikariCP's
 * housekeeping thread, started here and stopped by {@link #close()}.
 */
public final class ReferenceBackend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceBackend.class);

    private final BackendConfig config;
    private final BackendData data;
    private final Server server;
    private final ServerConnector connector;
    private final BackendFaults faults;
    private boolean closed;

    private ReferenceBackend(BackendConfig config, BackendData data, Server server, ServerConnector connector,
            BackendFaults faults) {
        this.config = config;
        this.data = data;
        this.server = server;
        this.connector = connector;
        this.faults = faults;
    }

    /**
     * Opens (and migrates) the database, seeds the demo register on first start, and listens.
     *
     * @throws BackendStartException when the database, the address, the port or the key store fails
     */
    public static ReferenceBackend start(BackendConfig config) {
        InetAddress bind;
        try {
            bind = InetAddress.getByName(config.bindAddress());
        } catch (UnknownHostException e) {
            throw new BackendStartException("the bind address " + config.bindAddress() + " is not known", e);
        }
        if (!config.tls() && !bind.isLoopbackAddress()) {
            throw new BackendStartException("plain HTTP is served on a loopback address only; give --tls-keystore and "
                    + "--tls-password-file to listen on " + config.bindAddress(), null);
        }
        if (config.tls() && !Files.isReadable(config.tlsKeystore())) {
            throw new BackendStartException("the TLS key store " + config.tlsKeystore() + " cannot be read", null);
        }
        BackendData data;
        try {
            data = BackendData.open(config);
        } catch (BackendDatabaseException e) {
            throw new BackendStartException(e.getMessage(), e);
        }
        BackendFaults faults = new BackendFaults();
        QueuedThreadPool threads = new QueuedThreadPool(config.maxThreads(), 4);
        threads.setName("backend-http");
        Server server = new Server(threads);
        // stop at once, not gracefully: a request cut off was committed or not, and the client's retry is safe
        server.setStopTimeout(0);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector;
        if (config.tls()) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(config.tlsKeystore().toAbsolutePath().toString());
            ssl.setKeyStorePassword(config.tlsPassword());
            ssl.setKeyStoreType("PKCS12");
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                    new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(config.bindAddress());
        connector.setPort(config.port());
        connector.setReuseAddress(true);
        server.addConnector(connector);
        server.setHandler(new ApiHandler(data.database(), data.terminals(), data.register(), data.moveOuts(),
                data.shelters(), new SubmissionService(data.submissions()), faults, version()));
        server.setErrorHandler(new ProblemErrorHandler());
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is what matters
            }
            data.close();
            throw new BackendStartException("the backend cannot listen on " + config.bindAddress() + ":"
                    + config.port() + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        ReferenceBackend backend = new ReferenceBackend(config, data, server, connector, faults);
        LOG.info("reference backend {} listening on {} ({}, {} current residents)", version(), backend.baseUri(),
                data.database().kind().displayName(), data.register().countCurrent());
        return backend;
    }

    /** The port it listens on (the chosen one when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>/} (or https, with TLS). */
    public URI baseUri() {
        String host = config.bindAddress().contains(":") ? "[" + config.bindAddress() + "]" : config.bindAddress();
        return URI.create((config.tls() ? "https" : "http") + "://" + host + ":" + port() + "/");
    }

    public BackendConfig config() {
        return config;
    }

    public DatabaseKind databaseKind() {
        return data.database().kind();
    }

    /** Register terminals ({@code register(id).value()} is the bearer token), rotate and revoke them. */
    public TerminalRepository terminals() {
        return data.terminals();
    }

    /** The pending move-in records offered to the terminals (tests add records of their own). */
    public dev.madoguchi.backend.moveout.MoveOutRepository moveOuts() {
        return data.moveOuts();
    }

    /** The register: upsert and remove residents (new changes to pull), look the feed up. */
    public RegisterRepository register() {
        return data.register();
    }

    /** What terminals submitted (count, list, find), for checks. */
    public SubmissionRepository submissions() {
        return data.submissions();
    }

    /**
     * TEST HOOKS.
     *
     * @throws IllegalStateException unless started with {@link BackendConfig.Builder#testHooks(boolean)}
     */
    public BackendFaults faults() {
        if (!config.testHooks()) {
            throw new IllegalStateException("test hooks are off; start the backend with BackendConfig testHooks(true)");
        }
        return faults;
    }

    /**
     * Stops at once — open connections are closed, not drained (an interrupted request was committed or not; the
     * client's retry is idempotent) — then closes the database. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("the HTTP server did not stop cleanly: {}", e.toString());
        } finally {
            data.close();
        }
        LOG.info("reference backend stopped");
    }

    /** The version from the build, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = ReferenceBackend.class.getResourceAsStream("backend-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
