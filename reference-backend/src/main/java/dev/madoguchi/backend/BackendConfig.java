package dev.madoguchi.backend;

import dev.madoguchi.demo.DemoMunicipality;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to start a {@link ReferenceBackend}. Build with {@link #builder(String)}; {@link #forTests(String)} is the
 * in-process test setup (loopback, port 0, empty register, test hooks on).
 *
 * @param bindAddress the address to listen on; plain HTTP only on a loopback address
 * @param port the TCP port; 0 picks a free one ({@link ReferenceBackend#port()} tells which)
 * @param jdbcUrl {@code jdbc:h2:file:…} or {@code jdbc:postgresql://…}
 * @param dbUser null when the URL carries it
 * @param dbPassword null when the URL carries it
 * @param tlsKeystore a PKCS#12 key store with the server's key and certificate, or null for plain HTTP
 * @param tlsPassword the key store's password (null without TLS)
 * @param demoResidents how many demo residents to seed into an empty register on first start (0: none)
 * @param demoSeed the demo municipality's seed
 * @param testHooks whether {@link ReferenceBackend#faults()} may be used (tests only; never from the command line)
 * @param maxThreads Jetty's request threads
 * @param maxConnections the database pool's size
 * @param shelterList the municipality's shelter list (JSON array) served at {@code /api/v1/shelters}, or null: then the
 *     demo shelters when demo residents are seeded, else none
 */
public record BackendConfig(String bindAddress, int port, String jdbcUrl, String dbUser, String dbPassword,
        Path tlsKeystore, String tlsPassword, int demoResidents, long demoSeed, boolean testHooks, int maxThreads,
        int maxConnections, Path shelterList) {

    public BackendConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (demoResidents < 0 || demoResidents > DemoMunicipality.MAX_RESIDENTS) {
            throw new IllegalArgumentException("demoResidents out of range");
        }
        if ((tlsKeystore == null) != (tlsPassword == null)) {
            throw new IllegalArgumentException("TLS needs both a key store and its password");
        }
        if (maxThreads < 4 || maxConnections < 1) {
            throw new IllegalArgumentException("maxThreads must be at least 4 and maxConnections at least 1");
        }
    }

    /** Defaults: 127.0.0.1:8080, the default demo register (5,000 residents), no TLS, no test hooks. */
    public static Builder builder(String jdbcUrl) {
        return new Builder(jdbcUrl);
    }

    /** The default H2 file database under a data directory: {@code <dir>/db/backend.mv.db}. */
    public static String h2FileUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("backend") + ";WRITE_DELAY=0";
    }

    /** For tests: loopback, a free port, an empty register, test hooks on. */
    public static BackendConfig forTests(String jdbcUrl) {
        return builder(jdbcUrl).port(0).demoResidents(0).testHooks(true).build();
    }

    /** The same configuration on another port (e.g. the port a stopped backend had, to restart it there). */
    public BackendConfig withPort(int newPort) {
        return new BackendConfig(bindAddress, newPort, jdbcUrl, dbUser, dbPassword, tlsKeystore, tlsPassword,
                demoResidents, demoSeed, testHooks, maxThreads, maxConnections, shelterList);
    }

    public boolean tls() {
        return tlsKeystore != null;
    }

    /** Passwords stay out of logs. */
    @Override
    public String toString() {
        return "BackendConfig[" + bindAddress + ":" + port + ", tls=" + tls() + ", demoResidents=" + demoResidents
                + ", testHooks=" + testHooks + "]";
    }

    /** Builds a {@link BackendConfig}. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port = 8080;
        private final String jdbcUrl;
        private String dbUser;
        private String dbPassword;
        private Path tlsKeystore;
        private String tlsPassword;
        private int demoResidents = DemoMunicipality.DEFAULT_RESIDENTS;
        private long demoSeed = DemoMunicipality.DEFAULT_SEED;
        private boolean testHooks;
        private int maxThreads = 32;
        private int maxConnections = 16;
        private Path shelterList;

        private Builder(String jdbcUrl) {
            this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        }

        public Builder bindAddress(String value) {
            bindAddress = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder dbCredentials(String user, String password) {
            dbUser = user;
            dbPassword = password;
            return this;
        }

        public Builder tls(Path keystore, String password) {
            tlsKeystore = keystore;
            tlsPassword = password;
            return this;
        }

        public Builder demoResidents(int value) {
            demoResidents = value;
            return this;
        }

        public Builder demoSeed(long value) {
            demoSeed = value;
            return this;
        }

        /** TEST HOOKS: allow {@link ReferenceBackend#faults()}. Never set from a command line. */
        public Builder testHooks(boolean value) {
            testHooks = value;
            return this;
        }

        public Builder maxThreads(int value) {
            maxThreads = value;
            return this;
        }

        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        /** The municipality's shelter list file (JSON array), read at every request. */
        public Builder shelterList(Path file) {
            shelterList = file;
            return this;
        }

        public BackendConfig build() {
            return new BackendConfig(bindAddress, port, jdbcUrl, dbUser, dbPassword, tlsKeystore, tlsPassword,
                    demoResidents, demoSeed, testHooks, maxThreads, maxConnections, shelterList);
        }
    }
}
