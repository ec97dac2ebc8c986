package dev.madoguchi.card.pcsc;

import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import java.util.ArrayList;
import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/**
 * Readers through PC/SC ({@code javax.smartcardio}).
 *
 * <p>The terminals come from a {@link TerminalsSource} on every snapshot, never from a cached
 * {@code TerminalFactory.getDefault()}, which silently stays empty for the life of the JVM when the PC/SC service
 * was down at first use (card-protocol.md §5.5).
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

    /** Readers of the system's PC/SC service, with a fresh factory per snapshot. */
    public static PcscCardReaders system() {
        return new PcscCardReaders(() -> javax.smartcardio.TerminalFactory.getInstance("PC/SC", null).terminals());
    }

    @Override
    public ReaderSource source() {
        return ReaderSource.PCSC;
    }

    @Override
    public ReaderSnapshot snapshot() throws CardIoException {
        CardTerminals terminals;
        try {
            terminals = source.terminals();
        } catch (Exception e) {
            throw PcscErrors.map("open PC/SC", e);
        }
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
}
