package dev.madoguchi.card.residence;

import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import dev.madoguchi.card.simulated.ChipModel;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One test reader holding one chip, with faults: an answer rewritten by command index, or the card leaving the reader
 * after a number of commands. Counts connections and commands.
 */
final class ChipReaders implements CardReaders {

    static final String READER = "Test Reader 0";

    private final ChipModel chip;
    private BiFunction<Integer, byte[], byte[]> rewrite = (index, answer) -> answer;
    private int leaveAfter = Integer.MAX_VALUE;
    private int commands;
    private int resets;

    ChipReaders(ChipModel chip) {
        this.chip = chip;
    }

    /** Rewrites the answer to the command with this index (0 = the first command of the test). */
    ChipReaders rewrite(BiFunction<Integer, byte[], byte[]> rewrite) {
        this.rewrite = rewrite;
        return this;
    }

    /** The card answers this many more commands, then is gone. */
    ChipReaders leaveAfter(int answers) {
        this.leaveAfter = commands + answers;
        return this;
    }

    int commands() {
        return commands;
    }

    int resets() {
        return resets;
    }

    @Override
    public ReaderSource source() {
        return ReaderSource.SIMULATED;
    }

    @Override
    public ReaderSnapshot snapshot() {
        return new ReaderSnapshot(ReaderSource.SIMULATED, List.of(new ReaderSnapshot.Reader(READER, true)));
    }

    @Override
    public CardConnection connect(String readerName) throws CardIoException {
        CardReaders.choose(snapshot(), readerName);
        chip.reset();
        return new CardConnection() {
            private boolean reset;

            @Override
            public String readerName() {
                return READER;
            }

            @Override
            public Response transmit(byte[] command) throws CardIoException {
                if (commands >= leaveAfter) {
                    throw new CardIoException(CardIoError.CARD_REMOVED, "test card left the reader");
                }
                int index = commands++;
                return Response.of(rewrite.apply(index, chip.process(command)));
            }

            @Override
            public void beginExclusive() {}

            @Override
            public void endExclusive() {}

            @Override
            public void resetWhenClosed() {
                reset = true;
            }

            @Override
            public void close() {
                if (reset) {
                    resets++;
                    chip.reset();
                }
            }
        };
    }
}
