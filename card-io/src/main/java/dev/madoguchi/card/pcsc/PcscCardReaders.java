package dev.madoguchi.card.pcsc;

import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import java.util.ArrayList;
import java.util.List;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import jnasmartcardio.Smartcardio;

/**
 * Readers through PC/SC ({@code javax.smartcardio} types).
 *
 * <p>The terminals come from a {@link TerminalsSource} on every snapshot and connection, never from a cached
 * {@code TerminalFactory.getDefault()}. In production the provider is jnasmartcardio, which establishes a new PC/SC
 * context per {@code terminals()} call, so the application survives restarts of pcscd / the Windows smart-card service
 * (docs/adr/0006-pcsc-provider.md). Each context is released when the snapshot or the connection is done with it.
 */
public final class PcscCardReaders implements CardReaders {

    /** Supplies the PC/SC terminals; the seam for tests and for the provider choice (docs/adr). */
    @FunctionalInterface
    public interface TerminalsSource {
        CardTerminals terminals() throws Exception;
    }

    private final TerminalsSource source;

    public PcscCardReaders(TerminalsSource source) {
        this.source = source;
    }

    /** Readers of the system's PC/SC service through jnasmartcardio, a fresh context per snapshot and connection. */
    public static PcscCardReaders system() {
        Smartcardio provider = new Smartcardio();
        return new PcscCardReaders(() -> TerminalFactory.getInstance("PC/SC", null, provider).terminals());
    }

    /** Readers through the JDK's own SunPCSC provider (one static context: does not survive a pcscd restart). */
    public static PcscCardReaders jdk() {
        return new PcscCardReaders(() -> TerminalFactory.getInstance("PC/SC", null).terminals());
    }

    @Override
    public ReaderSource source() {
        return ReaderSource.PCSC;
    }

    @Override
    public ReaderSnapshot snapshot() throws CardIoException {
        CardTerminals terminals = open();
        try {
            return snapshot(terminals);
        } finally {
            release(terminals);
        }
    }

    @Override
    public CardConnection connect(String readerName) throws CardIoException {
        CardTerminals terminals = open();
        try {
            String name = CardReaders.choose(snapshot(terminals), readerName);
            CardTerminal terminal = terminals.getTerminal(name);
            if (terminal == null) {
                throw PcscErrors.map("find " + name, new CardException("reader vanished"));
            }
            Card card;
            try {
                card = terminal.connect("*");
            } catch (CardException e) {
                throw PcscErrors.mapConnect(name, e);
            }
            return new PcscCardConnection(name, terminal, card, () -> release(terminals));
        } catch (CardIoException | RuntimeException e) {
            release(terminals);
            throw e;
        }
    }

    private CardTerminals open() throws CardIoException {
        try {
            return source.terminals();
        } catch (Exception e) {
            throw PcscErrors.map("open PC/SC", e);
        }
    }

    private static ReaderSnapshot snapshot(CardTerminals terminals) throws CardIoException {
        List<CardTerminal> attached;
        try {
            attached = terminals.list();
        } catch (CardException e) {
            if (PcscErrors.meansNoReaders(e)) {
                return new ReaderSnapshot(ReaderSource.PCSC, List.of());
            }
            throw PcscErrors.map("list readers", e);
        }
        List<ReaderSnapshot.Reader> readers = new ArrayList<>(attached.size());
        for (CardTerminal terminal : attached) {
            try {
                readers.add(new ReaderSnapshot.Reader(terminal.getName(), terminal.isCardPresent()));
            } catch (CardException e) {
                throw PcscErrors.map("card presence on " + terminal.getName(), e);
            }
        }
        return new ReaderSnapshot(ReaderSource.PCSC, readers);
    }

    /** Releases jnasmartcardio's context now rather than at garbage collection; the JDK's shared one is left alone. */
    private static void release(CardTerminals terminals) {
        if (terminals instanceof Smartcardio.JnaCardTerminals jna) {
            try {
                jna.close();
            } catch (CardException | RuntimeException ignored) {
                // the service is gone: the context went with it
            }
        }
    }
}
