package dev.madoguchi.app.store;

import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application's local control endpoint (docs/adr/0009, protocol in {@link StoreControl}): lets
 * {@code madoguchi store backup} work while the app holds the store's file lock. It listens on a Unix-domain socket
 * in the store directory — the directory 0700 and the socket 0600, never a network port — accepts one connection at a
 * time on the {@link Lane#STORE_CONTROL} lane and runs the request on the {@code store-writer} lane through
 * {@link StoreService}, which opens the store as the requesting clerk (keyring check, audited login) and audits the
 * backup; every request is also audited in the app's own session.
 */
public final class StoreControlEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreControlEndpoint.class);
    private static final long REQUEST_TIMEOUT_MINUTES = 30;

    private final Path storeDirectory;
    private final StoreService store;
    private final TaskRunner tasks;
    private ServerSocketChannel channel;
    private Path socket;

    public StoreControlEndpoint(Path storeDirectory, StoreService store, TaskRunner tasks) {
        this.storeDirectory = storeDirectory;
        this.store = store;
        this.tasks = tasks;
    }

    /** Binds the socket and starts serving on the store-control lane. Call once a clerk is signed in. */
    public synchronized void start() {
        if (channel != null) {
            return;
        }
        Path path = StoreControl.socketIn(storeDirectory);
        try {
            Path dir = path.getParent();
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Files.deleteIfExists(path); // a socket left by a process that was killed; the store's lock is ours
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            channel = server;
            socket = path;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("store control endpoint not available, the command line cannot back up while the app runs: {}",
                    e.toString());
            return;
        }
        ServerSocketChannel server = channel;
        tasks.submit(Lane.STORE_CONTROL, "store control endpoint", () -> serve(server), done -> { },
                failure -> { });
        LOG.info("store control endpoint listening at {}", path);
    }

    private Void serve(ServerSocketChannel server) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                handle(client);
            } catch (ClosedChannelException closed) {
                break;
            } catch (IOException | RuntimeException e) {
                LOG.warn("a store control request failed: {}", e.toString());
            }
        }
        return null;
    }

    private void handle(SocketChannel client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(Channels.newOutputStream(client), StandardCharsets.UTF_8);
        String greeting = in.readLine();
        String command = in.readLine();
        String clerkId = in.readLine();
        String passphraseLine = in.readLine();
        String argument = in.readLine();
        if (!StoreControl.GREETING.equals(greeting) || !StoreControl.BACKUP.equals(command) || clerkId == null
                || passphraseLine == null || argument == null || !Path.of(argument).isAbsolute()) {
            answer(out, "ERROR " + StoreError.BAD_INPUT.code());
            return;
        }
        char[] passphrase = passphraseLine.toCharArray();
        Path file = Path.of(argument);
        CompletableFuture<Long> result = new CompletableFuture<>();
        tasks.submit(Lane.STORE_WRITER, "backup for the command line",
                () -> store.backupFor(clerkId, passphrase, file), result::complete, result::completeExceptionally);
        try {
            long bytes = result.get(REQUEST_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            answer(out, "OK " + bytes);
        } catch (ExecutionException e) {
            StoreError error = e.getCause() instanceof StoreException s ? s.error() : StoreError.STORE_ERROR;
            answer(out, "ERROR " + error.code());
        } catch (TimeoutException e) {
            answer(out, "ERROR " + StoreError.STORE_ERROR.code());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(out, "ERROR " + StoreError.STORE_ERROR.code());
        } finally {
            Arrays.fill(passphrase, ' ');
        }
    }

    private static void answer(Writer out, String line) throws IOException {
        out.write(line + "\n");
        out.flush();
    }

    /** True while the socket is bound. */
    public synchronized boolean listening() {
        return channel != null && channel.isOpen();
    }

    /** Stops listening and removes the socket file. */
    @Override
    public synchronized void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("cannot remove the store control socket: {}", e.toString());
        }
        channel = null;
    }
}
