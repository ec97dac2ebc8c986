package dev.madoguchi.card.simulated;

import java.util.Objects;
import java.util.Optional;

/**
 * A demo card the simulated reader can hold.
 *
 * @param id stable identifier of the card (the demo resident's id), safe to log
 * @param label what the demo card chooser shows (a fictional holder's name); never logged
 * @param content what the card's chip holds; {@code null} for a card that is not a My Number Card
 */
public record SimulatedCard(String id, String label, MyNumberCardContent content) {

    public SimulatedCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }

    /** A card without a My Number Card chip (answers no SELECT). */
    public SimulatedCard(String id, String label) {
        this(id, label, null);
    }

    public Optional<MyNumberCardContent> myNumberCard() {
        return Optional.ofNullable(content);
    }

    @Override
    public String toString() {
        return "SimulatedCard[" + id + "]";
    }
}
