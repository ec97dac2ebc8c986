package dev.madoguchi.app.store;

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
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The protocol of the running application's local control endpoint (docs/adr/0009), client side: a Unix-domain socket
 * {@code control/madoguchi-store.sock} in the store directory (directory 0700, socket 0600, so only the same OS user reaches
 * it; no network port). One request per connection, UTF-8 lines: {@value #GREETING}, the command, the clerk id, the
 * clerk's passphrase, the argument; the answer is one line, {@code OK <bytes>} or {@code ERROR <STORE-code>}.
 */
public final class StoreControl {

    static final String GREETING = "MADOGUCHI-CONTROL 1";
    static final String BACKUP = "BACKUP";

    private StoreControl() {
    }

    /** Where the running application listens for the store in {@code storeDirectory}. */
    public static Path socketIn(Path storeDirectory) {
        return storeDirectory.resolve("control").resolve("madoguchi-store" + ".sock");
    }

    /**
     * Asks the application that holds the store to write a backup to {@code file} as {@code clerkId}.
     *
     * @return the size of the backup in bytes, or empty when no application listens
     * @throws StoreException the application's typed refusal (wrong passphrase, not permitted, disk full, …)
     */
    public static Optional<Long> requestBackup(Path storeDirectory, String clerkId, char[] passphrase, Path file) {
        Path socket = socketIn(storeDirectory);
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        String answer;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException refused) {
                return Optional.empty(); // a stale socket file: nobody listens
            }
            Writer out = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8);
            out.write(GREETING + "\n" + BACKUP + "\n" + clerkId + "\n");
            out.write(passphrase);
            out.write("\n" + file.toAbsolutePath() + "\n");
            out.flush();
            answer = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new StoreException(StoreError.STORE_ERROR, "the running Madoguchi did not answer: "
                    + e.getClass().getSimpleName(), e);
        }
        if (answer != null && answer.startsWith("OK ")) {
            return Optional.of(Long.parseLong(answer.substring(3).trim()));
        }
        throw new StoreException(errorOf(answer), "the running Madoguchi refused the backup", null);
    }

    private static StoreError errorOf(String answer) {
        if (answer != null && answer.startsWith("ERROR ")) {
            String code = answer.substring(6).trim();
            for (StoreError e : StoreError.values()) {
                if (e.code().equals(code)) {
                    return e;
                }
            }
        }
        return StoreError.STORE_ERROR;
    }
}
