package dev.madoguchi.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo cards' PINs and 照合番号B are documented: the README's table is the one the デモ menu shows. */
class DemoCardsDocumentedTest {

    @Test
    void theReadmeListsEveryDocumentedDemoCardAsTheMenuDoes() throws Exception {
        List<DemoCardLine> all = DemoEnvironment.standard().documentedCards();
        List<DemoCardLine> cards = all.stream().filter(c -> c.residenceCardNumber() == null).toList();
        assertThat(cards).hasSizeGreaterThanOrEqualTo(DemoEnvironment.ORDINARY_DOCUMENTED + 3);
        assertThat(cards).anyMatch(c -> c.pinTriesLeft() == 0).anyMatch(c -> c.pinTriesLeft() == 1)
                .anyMatch(c -> c.residentId().equals(DemoMoveOuts.CARD_ID))
                .allMatch(c -> c.collationNumberB().matches("[0-9]{14}") && c.pin().matches("[0-9]{4}"));
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String table = cards.stream().map(DemoCardsDocumentedTest::row).collect(Collectors.joining("\n"));
        assertThat(readme).as("README.md's demo card table; expected rows:\n" + table).contains(table);

        List<DemoCardLine> residence = all.stream().filter(c -> c.residenceCardNumber() != null).toList();
        assertThat(residence).as("1st and 2nd generation residence cards, a 特別永住者証明書, a specified card")
                .anyMatch(c -> c.nameOnCard().contains("第1世代")).anyMatch(c -> c.nameOnCard().contains("特別永住者"))
                .anyMatch(c -> c.residentId().startsWith(DemoResidenceCards.SPECIFIED_PREFIX))
                .allMatch(c -> c.residenceCardNumber().matches("[A-Z]{2}[0-9]{8}[A-Z]{2}"));
        String second = residence.stream().map(DemoCardsDocumentedTest::residenceRow)
                .collect(Collectors.joining("\n"));
        assertThat(readme).as("README.md's residence card table; expected rows:\n" + second).contains(second);
    }

    static String residenceRow(DemoCardLine c) {
        return "  | " + c.residentId() + " | " + c.nameOnCard() + " | " + c.residenceCardNumber() + " | "
                + (c.pin() == null ? "—" : c.pin()) + " |";
    }

    static String row(DemoCardLine c) {
        return "  | " + c.residentId() + " | " + c.nameOnCard() + " | " + (c.pinTriesLeft() == 0 ? "(locked) " : "")
                + c.pin() + " | " + c.pinTriesLeft() + " | " + c.collationNumberB() + " | " + c.note() + " |";
    }
}
