package dev.madoguchi.app.volunteer;

import dev.madoguchi.app.demo.DemoCardLine;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.card.simulated.VolunteerDemoCards;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's cards for the volunteer mode: one per help-desk case (every PIN fine, a locked 利用者証明用 PIN, a
 * 券面事項入力補助用 PIN at one try, a certificate in its renewal window or expired, a damaged record, a transport
 * card, a residence card), dated from today, on the simulated reader beside the counter's and in the デモ menu for a
 * volunteer account. Fictional, published.
 */
public final class VolunteerDemo {

    private VolunteerDemo() {
    }

    /** The cards, dated from today in Japan. */
    public static List<SimulatedCard> cards() {
        return VolunteerDemoCards.deck(LocalDate.now(ZoneId.of("Asia/Tokyo")));
    }

    /** The cards as the デモ menu lists them (the 券面事項入力補助用 PIN shown; no 照合番号B in this mode). */
    public static List<DemoCardLine> menuLines() {
        List<DemoCardLine> out = new ArrayList<>();
        for (SimulatedCard card : cards()) {
            int tries = card.myNumberCard().map(c -> c.textPinTriesLeft()).orElse(3);
            String pin = card.myNumberCard().isPresent() ? VolunteerDemoCards.TEXT_PIN + " / "
                    + VolunteerDemoCards.AUTH_PIN : "—";
            out.add(new DemoCardLine(card.id(), card.label(), pin, Math.max(tries, 1), "—", ""));
        }
        return out;
    }
}
