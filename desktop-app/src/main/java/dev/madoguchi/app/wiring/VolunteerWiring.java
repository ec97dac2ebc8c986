package dev.madoguchi.app.wiring;

/**
 * The place where the 推進委員 (volunteer) mode's views and view models will be made and registered, as
 * {@link CounterWiring} does for the counter. Its view (VolunteerView.fxml) has no controller yet.
 */
public final class VolunteerWiring {

    /** Registers the volunteer mode's controllers: none yet. */
    public void register(ViewLoader loader) {
        // the volunteer mode's issue fills this
    }
}
