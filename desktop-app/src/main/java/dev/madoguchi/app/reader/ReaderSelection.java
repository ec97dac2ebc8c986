package dev.madoguchi.app.reader;

import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses, on first use, between the system's PC/SC readers and the simulated reader: PC/SC when it answers with
 * at least one reader, the simulated reader with the demo cards otherwise (or when forced). Outside the demo there is
 * no such fallback: a municipality's computer without a reader says so (docs/adr/0031). Call only from the
 * {@code card-io} lane.
 */
public final class ReaderSelection implements CardReaders {

    private static final Logger LOG = LoggerFactory.getLogger(ReaderSelection.class);

    private final CardReaders pcsc;
    private final Supplier<SimulatedCardReaders> simulated;
    private final boolean forceSimulated;
    private boolean fallBack;
    private CardReaders chosen;

    public ReaderSelection(CardReaders pcsc, Supplier<SimulatedCardReaders> simulated, boolean forceSimulated) {
        this(pcsc, simulated, forceSimulated, true);
    }

    /** @param fallBack whether the simulated reader stands in when PC/SC has no reader (the demo only) */
    public ReaderSelection(CardReaders pcsc, Supplier<SimulatedCardReaders> simulated, boolean forceSimulated,
            boolean fallBack) {
        this.pcsc = pcsc;
        this.simulated = simulated;
        this.forceSimulated = forceSimulated;
        this.fallBack = fallBack;
    }

    @Override
    public synchronized ReaderSource source() {
        return chosen().source();
    }

    @Override
    public synchronized ReaderSnapshot snapshot() throws CardIoException {
        return chosen().snapshot();
    }

    @Override
    public synchronized CardConnection connect(String readerName) throws CardIoException {
        return chosen().connect(readerName);
    }

    /**
     * The demo is left for the setup assistant (docs/adr/0031): no simulated reader with demo cards from now on. A
     * simulated reader already chosen is dropped, so the next use chooses again (a forced one, for development, is
     * made again by the supplier, which outside the demo has no demo cards).
     */
    public synchronized void withoutDemoFallback() {
        fallBack = false;
        if (chosen instanceof SimulatedCardReaders) {
            chosen = null;
        }
    }

    /** The simulated reader, when it is the one in use. */
    public synchronized Optional<SimulatedCardReaders> simulatedReader() {
        return chosen() instanceof SimulatedCardReaders s ? Optional.of(s) : Optional.empty();
    }

    private CardReaders chosen() {
        if (chosen == null) {
            chosen = forceSimulated ? simulated.get() : choose();
            LOG.info("card readers: {}", chosen.source());
        }
        return chosen;
    }

    private CardReaders choose() {
        if (!fallBack) {
            return pcsc;
        }
        try {
            if (pcsc.snapshot().hasReaders()) {
                return pcsc;
            }
            LOG.info("no PC/SC reader attached; using the simulated reader with demo cards");
        } catch (CardIoException e) {
            LOG.info("PC/SC not usable ({}); using the simulated reader with demo cards", e.error().code());
        }
        return simulated.get();
    }
}
