package dev.madoguchi.app.volunteer;

import dev.madoguchi.card.checkup.CheckUp;
import dev.madoguchi.card.checkup.PinTries;
import dev.madoguchi.card.checkup.ValidityStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What a check-up found, as the short outcome codes counted per day ({@code store.volunteer}): the card's kind, each
 * PIN that is locked or has lost tries, a certificate or card in its renewal window or expired. Nothing that tells
 * one person from another.
 */
public final class CheckUpOutcomes {

    private CheckUpOutcomes() {
    }

    public static List<String> of(CheckUp checkUp) {
        List<String> out = new ArrayList<>();
        out.add(checkUp.myNumberCard() ? "my-number-card" : "card-" + checkUp.cardType().kind().name().toLowerCase()
                .replace('_', '-'));
        for (PinTries pin : checkUp.pins()) {
            if (pin.locked()) {
                out.add(pin.kind().code() + "-locked");
            } else if (pin.reported() && !pin.full()) {
                out.add(pin.kind().code() + "-reduced");
            }
        }
        checkUp.authCertificate().ifPresent(c -> status(out, "certificate", c.status()));
        checkUp.card().ifPresent(c -> status(out, "card", c.status()));
        return out;
    }

    private static void status(List<String> out, String what, ValidityStatus status) {
        switch (status) {
            case RENEWAL_WINDOW -> out.add(what + "-renewal-window");
            case EXPIRED -> out.add(what + "-expired");
            case FINE -> { }
        }
    }
}
