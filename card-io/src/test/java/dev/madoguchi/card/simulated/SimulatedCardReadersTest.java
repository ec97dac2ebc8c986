package dev.madoguchi.card.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedCardReadersTest {

    private final SimulatedCardReaders readers = new SimulatedCardReaders(List.of(
            new SimulatedCard("R000001", "デモ　一郎"), new SimulatedCard("R000002", "デモ　花子")));

    @Test
    void startsWithOneEmptySimulatedReader() {
        ReaderSnapshot snapshot = readers.snapshot();
        assertThat(snapshot.source()).isEqualTo(ReaderSource.SIMULATED);
        assertThat(snapshot.readers()).containsExactly(
                new ReaderSnapshot.Reader(SimulatedCardReaders.READER_NAME, false));
        assertThat(readers.presentCard()).isEmpty();
    }

    @Test
    void reportsACardPlacedAndThenRemoved() {
        readers.place("R000002");
        assertThat(readers.snapshot().anyCardPresent()).isTrue();
        assertThat(readers.presentCard()).map(SimulatedCard::id).contains("R000002");

        readers.remove();
        assertThat(readers.snapshot().anyCardPresent()).isFalse();
    }

    @Test
    void refusesACardThatIsNotInTheDeck() {
        assertThatThrownBy(() -> readers.place("R999999")).isInstanceOf(IllegalArgumentException.class);
        assertThat(readers.presentCard()).isEmpty();
    }

    @Test
    void neverPrintsTheHolderName() {
        assertThat(readers.deck().get(0).toString()).doesNotContain("デモ");
    }
}
