package dev.madoguchi.card.pcsc;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.UnaryOperator;

/**
 * A card in plain Java that plugs into the real pcscd through vsmartcard's vpcd driver (docs/card-protocol.md §6.1):
 * it connects to vpcd's TCP port and answers its messages (2-byte big-endian length + payload; a 1-byte payload is a
 * control message: 00 power off, 01 power on, 02 reset, 04 "send the ATR"; anything longer is a command APDU).
 */
public final class VpcdVirtualCard implements AutoCloseable {

    /** vpcd's first reader: 35963 as Debian configures it, or {@code MADOGUCHI_VPCD_PORT} for a private pcscd. */
    public static final int FIRST_READER_PORT =
            Integer.parseInt(System.getenv().getOrDefault("MADOGUCHI_VPCD_PORT", "35963"));

    private final Socket socket = new Socket();
    private final byte[] atr;
    private final UnaryOperator<byte[]> apduHandler;
    private final Thread loop;
    private final Runnable onReset;
    private volatile int answersLeft = Integer.MAX_VALUE;

    private VpcdVirtualCard(byte[] atr, UnaryOperator<byte[]> apduHandler, Runnable onReset) {
        this.atr = atr.clone();
        this.apduHandler = apduHandler;
        this.onReset = onReset;
        this.loop = new Thread(this::serve, "vpcd-virtual-card");
        this.loop.setDaemon(true);
    }

    /** Inserts the card into vpcd's reader on the given port ("Virtual PCD 00 00" listens on 35963). */
    public static VpcdVirtualCard insert(int port, byte[] atr, UnaryOperator<byte[]> apduHandler) throws IOException {
        return insert(port, atr, apduHandler, () -> {});
    }

    /** As above; {@code onReset} runs at power-on and reset, so a card model forgets what was verified. */
    public static VpcdVirtualCard insert(int port, byte[] atr, UnaryOperator<byte[]> apduHandler, Runnable onReset)
            throws IOException {
        VpcdVirtualCard card = new VpcdVirtualCard(atr, apduHandler, onReset);
        card.socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        card.socket.setTcpNoDelay(true);
        card.loop.start();
        return card;
    }

    private void serve() {
        try (DataInputStream in = new DataInputStream(socket.getInputStream());
                DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            while (true) {
                int length = in.readUnsignedShort();
                byte[] message = in.readNBytes(length);
                if (message.length != length) {
                    return;
                }
                if (length == 1) {
                    if (message[0] == 0x04) {
                        send(out, atr);
                    } else if (message[0] == 0x01 || message[0] == 0x02) {
                        onReset.run();
                    }
                    continue;
                }
                send(out, apduHandler.apply(message));
                if (--answersLeft <= 0) {
                    socket.close(); // the card leaves the field right after this answer
                    return;
                }
            }
        } catch (EOFException | java.net.SocketException closed) {
            // vpcd or the test closed the connection: the card has been removed
        } catch (IOException e) {
            throw new IllegalStateException("virtual card connection failed", e);
        }
    }

    private static void send(DataOutputStream out, byte[] payload) throws IOException {
        out.writeShort(payload.length);
        out.write(payload);
        out.flush();
    }

    /** The card answers this many more commands, then leaves the reader at once. */
    void leaveAfter(int answers) {
        answersLeft = answers;
    }

    /** Removes the card from the virtual reader. */
    @Override
    public void close() throws IOException {
        socket.close();
        try {
            loop.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
