package dev.madoguchi.card.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.mynumber.MyNumberCardService;
import dev.madoguchi.card.mynumber.ReadOptions;
import dev.madoguchi.card.mynumber.TextCredential;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.residence.CardNumber;
import dev.madoguchi.card.residence.ResidenceCardService;
import dev.madoguchi.card.residence.ResidenceReadOptions;
import dev.madoguchi.card.residence.ResidenceTrust;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A simulated 特定在留カード on the simulated reader: named as one with its My Number side, read as a My Number Card,
 * and its residence side refused (typed) before the card number is sent.
 */
class SpecifiedCardModelTest {

    private static final String NUMBER = "AB12345678CD";

    private final SimulatedCardReaders readers = new SimulatedCardReaders(List.of(
            SimulatedCard.specified("S1", "特定 一郎", TestCards.kokutou(),
                    ResidenceCardContent.demoSecondGeneration(NUMBER)),
            SimulatedCard.specified("S2", "特定 二郎", TestCards.kokutou(),
                    ResidenceCardContent.demoSpecialPermanentResident(NUMBER))), TestCards::keys);

    @Test
    void itIsNamedAsASpecifiedCardWithItsMyNumberSide() throws CardIoException {
        ResidenceCardService residence = new ResidenceCardService(readers, ResidenceTrust.none());
        readers.place("S1");
        assertThat(readers.presentCard().orElseThrow().specified()).isTrue();
        CardType type = residence.detect(null);
        assertThat(type).isInstanceOfSatisfying(CardType.SpecifiedCard.class, s -> {
            assertThat(s.document()).isEqualTo(CardType.Document.RESIDENCE_CARD);
            assertThat(s.typeCode()).isEqualTo("07");
            assertThat(s.myNumberSide()).isTrue();
        });
        readers.place("S2");
        assertThat(residence.detect(null)).isInstanceOfSatisfying(CardType.SpecifiedCard.class,
                s -> assertThat(s.document()).isEqualTo(CardType.Document.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE));
    }

    @Test
    void itsMyNumberSideReadsAsAMyNumberCardAndItsResidenceSideIsRefusedBeforeTheNumber() throws CardIoException {
        readers.place("S1");
        var read = new MyNumberCardService(readers).read(null, new TextCredential.Pin(TestCards.PIN),
                new ReadOptions(false, true, false));
        assertThat(read.basicFour().name()).isEqualTo("黒桐\u3000幹也");
        assertThatThrownBy(() -> new ResidenceCardService(readers, ResidenceTrust.none())
                .read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.TEXT_ONLY))
                .isInstanceOfSatisfying(CardIoException.class,
                        e -> assertThat(e.error()).isEqualTo(CardIoError.UNSUPPORTED_CARD));
    }
}
