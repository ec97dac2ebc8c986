package dev.madoguchi.app.wiring;

/**
 * The place where the 避難所 (shelter) mode's views and view models will be made and registered, as
 * {@link CounterWiring} does for the counter. Its view (ShelterView.fxml) has no controller yet.
 */
public final class ShelterWiring {

    /** Registers the shelter mode's controllers: none yet. */
    public void register(ViewLoader loader) {
        // the shelter mode's issue fills this
    }
}
