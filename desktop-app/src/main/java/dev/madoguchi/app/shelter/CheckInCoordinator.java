package dev.madoguchi.app.shelter;

import dev.madoguchi.app.counter.RegisterMatch;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.domain.shelter.Shelter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Holds the running household check-in ({@link HouseholdCheckIn}) and advances it; carries the shelter desk's busy
 * flag, error and message, which the shelter screen shows once, and a generation that drops late results of a
 * household that was given up. The steps talk only through it.
 */
public final class CheckInCoordinator {

    private final Messages messages;
    private final ShelterRecords records;
    private final ShelterCards cards;
    private final ShelterWork work;
    private final ShelterErrorTexts errors;
    private final Supplier<String> householdIds;

    private final ObjectProperty<HouseholdCheckIn> checkIn = new SimpleObjectProperty<>();
    private final ObjectProperty<CheckInStep> step = new SimpleObjectProperty<>(CheckInStep.CHOOSE_SHELTER);
    private final ObjectProperty<Shelter> shelter = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty withdrawn = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<RegisterMatch> offered = new SimpleObjectProperty<>();
    private final List<Runnable> whenEnded = new ArrayList<>();
    private long generation;

    public CheckInCoordinator(Messages messages, TaskRunner tasks, ShelterRecords records, ShelterCards cards) {
        this(messages, tasks, records, cards, () -> "H-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** @param householdIds makes the id of each new household (tests fix it) */
    public CheckInCoordinator(Messages messages, TaskRunner tasks, ShelterRecords records, ShelterCards cards,
            Supplier<String> householdIds) {
        this.messages = messages;
        this.records = records;
        this.cards = cards;
        this.householdIds = householdIds;
        this.errors = new ShelterErrorTexts(messages);
        this.work = new ShelterWork(this, tasks);
        checkIn.set(HouseholdCheckIn.start(null, householdIds.get()));
    }

    /** A new household id (a person leaving their household becomes one). */
    public String newHouseholdId() {
        return householdIds.get();
    }

    public HouseholdCheckIn checkIn() {
        return checkIn.get();
    }

    public ReadOnlyObjectProperty<HouseholdCheckIn> checkInProperty() {
        return checkIn;
    }

    /** Replaces the check-in; the step follows it. */
    public void update(HouseholdCheckIn now) {
        checkIn.set(now);
        step.set(now.step());
        if (now.shelter() != null) {
            shelter.set(now.shelter());
        }
    }

    public void goTo(CheckInStep now) {
        update(checkIn.get().withStep(now));
    }

    /** Works at this shelter from now on; a household started elsewhere is given up. */
    public void chooseShelter(Shelter chosen) {
        chooseShelter(chosen, false);
    }

    /**
     * Works at this shelter from now on; a shelter dropped from the municipality's list ({@code withdrawn}) takes no new
     * check-ins, its present list and check-outs work (docs/adr/0028).
     */
    public void chooseShelter(Shelter chosen, boolean droppedFromList) {
        shelter.set(chosen);
        withdrawn.set(droppedFromList);
        newHousehold();
    }

    /** The chosen shelter was dropped from the municipality's list: no new check-ins at it. */
    public ReadOnlyBooleanProperty withdrawnProperty() {
        return withdrawn;
    }

    /** Gives the running household up (nothing stored) and starts the next one at the same shelter. */
    public void newHousehold() {
        generation++;
        busy.set(false);
        error.set("");
        offered.set(null);
        whenEnded.forEach(Runnable::run);
        update(HouseholdCheckIn.start(shelter.get(), householdIds.get()));
    }

    /** Runs when a household ends (stored or given up): the steps forget what was typed. */
    public void whenEnded(Runnable forget) {
        whenEnded.add(forget);
    }

    /** The register candidates offered for the current person (made, never stored); null when none was searched. */
    public ObjectProperty<RegisterMatch> offeredProperty() {
        return offered;
    }

    public ReadOnlyObjectProperty<CheckInStep> stepProperty() {
        return step;
    }

    public CheckInStep step() {
        return step.get();
    }

    public ReadOnlyObjectProperty<Shelter> shelterProperty() {
        return shelter;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public boolean isBusy() {
        return busy.get();
    }

    void setBusy(boolean now) {
        busy.set(now);
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public void setError(String text) {
        error.set(text == null ? "" : text);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public void setMessage(String text) {
        message.set(text == null ? "" : text);
    }

    long generation() {
        return generation;
    }

    String describe(Throwable failure) {
        return errors.describe(failure);
    }

    public ShelterWork work() {
        return work;
    }

    public Messages messages() {
        return messages;
    }

    public ShelterRecords records() {
        return records;
    }

    public ShelterCards cards() {
        return cards;
    }

    public ShelterErrorTexts errors() {
        return errors;
    }
}
