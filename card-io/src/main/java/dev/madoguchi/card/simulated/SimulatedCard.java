package dev.madoguchi.card.simulated;

import java.util.Objects;

/**
 * A demo card the simulated reader can hold.
 *
 * @param id stable identifier of the card (the demo resident's id), safe to log
 * @param label what the demo card chooser shows (a fictional holder's name); never logged
 */
public record SimulatedCard(String id, String label) {

    public SimulatedCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }

    @Override
    public String toString() {
        return "SimulatedCard[" + id + "]";
    }
}
