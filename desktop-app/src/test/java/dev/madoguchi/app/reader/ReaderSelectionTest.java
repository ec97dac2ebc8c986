package dev.madoguchi.app.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo falls back to the simulated reader without PC/SC; a municipality's computer does not (docs/adr/0031). */
class ReaderSelectionTest {

    /** PC/SC as on a computer whose smart-card service is not running. */
    private static final CardReaders NO_SERVICE = new CardReaders() {
        @Override
        public ReaderSource source() {
            return ReaderSource.PCSC;
        }

        @Override
        public ReaderSnapshot snapshot() throws CardIoException {
            throw new CardIoException(CardIoError.READER_SERVICE_UNAVAILABLE, "no pcscd");
        }

        @Override
        public CardConnection connect(String readerName) throws CardIoException {
            throw new CardIoException(CardIoError.READER_SERVICE_UNAVAILABLE, "no pcscd");
        }
    };

    @Test
    void theDemoFallsBackToTheSimulatedReader() {
        ReaderSelection demo = new ReaderSelection(NO_SERVICE, () -> new SimulatedCardReaders(List.of()), false);
        assertThat(demo.source()).isEqualTo(ReaderSource.SIMULATED);
        assertThat(demo.simulatedReader()).isPresent();
    }

    @Test
    void outsideTheDemoTheMissingServiceIsReportedInsteadOfASimulatedReader() {
        ReaderSelection real = new ReaderSelection(NO_SERVICE, () -> new SimulatedCardReaders(List.of()), false, false);
        assertThat(real.source()).isEqualTo(ReaderSource.PCSC);
        assertThat(real.simulatedReader()).isEmpty();
        assertThatThrownBy(real::snapshot).isInstanceOf(CardIoException.class)
                .satisfies(e -> assertThat(((CardIoException) e).error())
                        .isEqualTo(CardIoError.READER_SERVICE_UNAVAILABLE));
    }
}
