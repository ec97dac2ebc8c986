package dev.madoguchi.card.residence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.simulated.ResidenceCardContent;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.card.simulated.TestCards;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo reader holding residence cards beside My Number Cards: the full read runs in-process. */
class SimulatedResidenceCardsTest {

    private final SimulatedCardReaders readers = new SimulatedCardReaders(List.of(
            new SimulatedCard("F1", "在留カード（第2世代・架空）",
                    ResidenceCardContent.demoSecondGeneration("XY00000001ZZ")),
            new SimulatedCard("F2", "在留カード（第1世代・架空）",
                    ResidenceCardContent.demoFirstGeneration("XY00000002ZZ")),
            new SimulatedCard("M1", "マイナンバーカード", TestCards.kokutou()),
            new SimulatedCard("P1", "ポイントカード")), TestCards::keys);

    @Test
    void theDemoReaderNamesEveryCardAndReadsResidenceCardsWithVerifiedSignatures() throws Exception {
        ResidenceCardService service = new ResidenceCardService(readers, readers.residenceIssuer().trust());
        readers.place("F1");
        assertThat(service.detect(null).code()).isEqualTo("residence-card-2");
        ResidenceCardRead second = service.read(null, CardNumber.parse("xy00000001zz"), ResidenceReadOptions.COUNTER);
        assertThat(second.printed().orElseThrow().nationalityCode()).isEqualTo("VNM");
        assertThat(second.signature().verified()).isTrue();

        readers.place("F2");
        ResidenceCardRead first = service.read(null, CardNumber.parse("XY00000002ZZ"), ResidenceReadOptions.COUNTER);
        assertThat(first.type().generation()).isEqualTo(CardType.Generation.FIRST);
        assertThat(first.signature().verified()).isTrue();

        readers.place("M1");
        assertThat(service.detect(null).kind()).isEqualTo(CardType.Kind.MY_NUMBER_CARD);
        readers.place("P1");
        assertThat(service.detect(null).kind()).isEqualTo(CardType.Kind.UNKNOWN);
        assertThatThrownBy(() -> service.read(null, CardNumber.parse("XY00000002ZZ"), ResidenceReadOptions.COUNTER))
                .isInstanceOfSatisfying(CardIoException.class,
                        e -> assertThat(e.error()).isEqualTo(CardIoError.NOT_RESIDENCE_CARD));
    }
}
