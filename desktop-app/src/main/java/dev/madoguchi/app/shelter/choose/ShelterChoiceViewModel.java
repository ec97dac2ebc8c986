package dev.madoguchi.app.shelter.choose;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.domain.shelter.Shelter;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which shelter this laptop works at: chosen from the municipality's list, or created on the spot (id, name,
 * capacity, spaces) when the list does not have it. Read and written on {@code store-writer}.
 */
public final class ShelterChoiceViewModel {

    private final CheckInCoordinator desk;
    private final Messages messages;
    private final ObservableList<Shelter> shelters = FXCollections.observableArrayList();
    private Set<String> withdrawn = Set.of();
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final StringProperty newId = new SimpleStringProperty("");
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newCapacity = new SimpleStringProperty("");
    private final StringProperty newSpaces = new SimpleStringProperty("");

    public ShelterChoiceViewModel(CheckInCoordinator desk) {
        this.desk = desk;
        this.messages = desk.messages();
    }

    /** The shelters and which of them were dropped from the municipality's list, read together. */
    private record Listing(List<Shelter> shelters, Set<String> withdrawn) {}

    /** Loads the shelters (after sign-in and when the screen is shown). */
    public void load() {
        desk.work().run(Lane.STORE_WRITER, "shelter list", this::read, this::show);
    }

    private Listing read() {
        return new Listing(desk.records().shelters(), desk.records().withdrawn());
    }

    private void show(Listing listing) {
        withdrawn = Set.copyOf(listing.withdrawn());
        shelters.setAll(listing.shelters());
        lines.setAll(listing.shelters().stream().map(s -> messages.get("shelter.choose.line", s.name(), s.id(),
                s.nightCapacity() == 0 ? "—" : String.valueOf(s.nightCapacity()),
                s.spaces().isEmpty() ? "—" : String.join("・", s.spaces()))
                + (withdrawn.contains(s.id()) ? messages.get("shelter.choose.withdrawn") : "")).toList());
    }

    /** Works at the shelter at this index of the list. */
    public void choose(int index) {
        if (index < 0 || index >= shelters.size()) {
            desk.setError(messages.get("shelter.choose.none"));
            return;
        }
        Shelter s = shelters.get(index);
        boolean dropped = withdrawn.contains(s.id());
        desk.chooseShelter(s, dropped); // a withdrawn one: its present list and check-outs only
        desk.setMessage(messages.get(dropped ? "shelter.choose.chosenWithdrawn" : "shelter.choose.chosen", s.name()));
    }

    /** Creates the shelter typed and works at it. */
    public void create() {
        int capacity;
        String cap = Normalizer.normalize(newCapacity.get(), Normalizer.Form.NFKC).strip();
        try {
            capacity = cap.isEmpty() ? 0 : Integer.parseInt(cap);
        } catch (NumberFormatException e) {
            capacity = -1;
        }
        Shelter shelter;
        try {
            List<String> spaces = Arrays.stream(newSpaces.get().split("[,、，]")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            shelter = new Shelter(Normalizer.normalize(newId.get(), Normalizer.Form.NFKC).strip(),
                    newName.get().strip(), "", capacity, capacity, spaces, Set.of());
        } catch (IllegalArgumentException e) {
            desk.setError(messages.get("shelter.choose.createBad"));
            return;
        }
        desk.work().run(Lane.STORE_WRITER, "shelter create", () -> {
            desk.records().saveShelter(shelter);
            return read();
        }, listing -> {
            show(listing);
            newId.set("");
            newName.set("");
            newCapacity.set("");
            newSpaces.set("");
            desk.chooseShelter(shelter, withdrawn.contains(shelter.id()));
            desk.setMessage(messages.get("shelter.choose.created", shelter.name()));
        });
    }

    public ObservableList<String> lines() {
        return lines;
    }

    public StringProperty newIdProperty() {
        return newId;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newCapacityProperty() {
        return newCapacity;
    }

    /** Spaces separated by commas (体育館, 教室2). */
    public StringProperty newSpacesProperty() {
        return newSpaces;
    }

    public CheckInCoordinator desk() {
        return desk;
    }
}
