package dev.madoguchi.card.checkup;

import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.card.simulated.TestCards;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The simulated reader with an APDU log; can take the card away after a number of commands. */
final class LoggedReaders implements CardReaders {

    final SimulatedCardReaders simulated;
    final List<String> log = new ArrayList<>();
    int removeAfter = Integer.MAX_VALUE;
    int resets;

    LoggedReaders(SimulatedCard card) {
        simulated = new SimulatedCardReaders(List.of(card), TestCards::keys);
        simulated.place(card.id());
    }

    /** Every VERIFY that carried data (a PIN): {@code 00 20 00 80 Lc …}. */
    List<String> verifiesWithData() {
        return log.stream().filter(c -> c.startsWith("00200080") && c.length() > 8).toList();
    }

    @Override
    public ReaderSource source() {
        return ReaderSource.SIMULATED;
    }

    @Override
    public ReaderSnapshot snapshot() {
        return simulated.snapshot();
    }

    @Override
    public CardConnection connect(String readerName) throws CardIoException {
        CardConnection inner = simulated.connect(readerName);
        return new CardConnection() {
            boolean reset;

            @Override
            public Response transmit(byte[] command) throws CardIoException {
                if (log.size() >= removeAfter) {
                    simulated.remove();
                }
                log.add(HexFormat.of().withUpperCase().formatHex(command));
                return inner.transmit(command);
            }

            @Override
            public String readerName() {
                return inner.readerName();
            }

            @Override
            public void beginExclusive() throws CardIoException {
                inner.beginExclusive();
            }

            @Override
            public void endExclusive() {
                inner.endExclusive();
            }

            @Override
            public void resetWhenClosed() {
                reset = true;
                inner.resetWhenClosed();
            }

            @Override
            public void close() {
                if (reset) {
                    resets++;
                }
                inner.close();
            }
        };
    }
}
