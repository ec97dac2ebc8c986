package dev.madoguchi.app.shelter.household;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.shelter.CheckInStep;
import dev.madoguchi.app.shelter.HouseholdCheckIn;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.Pet;
import dev.madoguchi.domain.shelter.Stay;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The household as one unit of work: its members so far, where they stay (in the shelter with a space, at home, in a
 * car, …), pets (species, count, where kept) and a vehicle's plate. Staff add the next person or confirm; the
 * household is then stored in one transaction ({@code store-writer}).
 */
public final class HouseholdViewModel {

    private final CheckInCoordinator desk;
    private final Messages messages;
    private final ObservableList<String> members = FXCollections.observableArrayList();
    private final ObservableList<String> petLines = FXCollections.observableArrayList();
    private final ObservableList<String> spaces = FXCollections.observableArrayList();
    private final ObjectProperty<Stay> stay = new SimpleObjectProperty<>(Stay.SHELTER);
    private final StringProperty space = new SimpleStringProperty("");
    private final StringProperty petSpecies = new SimpleStringProperty("");
    private final StringProperty petCount = new SimpleStringProperty("1");
    private final StringProperty petWhere = new SimpleStringProperty("");
    private final StringProperty vehicle = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final List<Pet> pets = new ArrayList<>();

    public HouseholdViewModel(CheckInCoordinator desk) {
        this.desk = desk;
        this.messages = desk.messages();
        desk.checkInProperty().addListener((obs, was, now) -> refresh(now));
        desk.whenEnded(this::forget);
        refresh(desk.checkIn());
    }

    private void forget() {
        pets.clear();
        petLines.clear();
        petSpecies.set("");
        petCount.set("1");
        petWhere.set("");
        vehicle.set("");
        stay.set(Stay.SHELTER);
        space.set("");
    }

    private void refresh(HouseholdCheckIn now) {
        members.setAll(now.members().stream().map(this::memberLine).toList());
        List<String> known = now.shelter() == null ? List.of() : now.shelter().spaces();
        if (!spaces.equals(known)) {
            spaces.setAll(known);
        }
        if (space.get().isEmpty() && !known.isEmpty()) {
            space.set(known.get(0));
        }
    }

    private String memberLine(Evacuee e) {
        String flags = e.flags().stream().map(f -> messages.get(Messages.keyFor("shelter.flag.", f.kind()))
                + (f.detail().isEmpty() ? "" : "（" + f.detail() + "）")).collect(Collectors.joining("・"));
        return messages.get("shelter.household.member", e.name(),
                e.birthDate() == null ? messages.get("shelter.person.birthUnknown") : e.birthDate().toString(),
                messages.get(Messages.keyFor("shelter.by.", e.identifiedBy())),
                flags.isEmpty() ? messages.get("shelter.household.noFlags") : flags,
                e.residentId().isEmpty() ? messages.get("shelter.household.notMatched")
                        : messages.get("shelter.household.matched"));
    }

    /** Adds the pet typed (species, count, where kept). */
    public void addPet() {
        int count;
        try {
            count = Integer.parseInt(java.text.Normalizer.normalize(petCount.get(),
                    java.text.Normalizer.Form.NFKC).strip());
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (petSpecies.get().isBlank() || count < 1) {
            desk.setError(messages.get("shelter.household.petBad"));
            return;
        }
        desk.setError("");
        Pet pet = new Pet(petSpecies.get().strip(), count, petWhere.get().strip());
        pets.add(pet);
        petLines.add(messages.get("shelter.household.pet", pet.species(), pet.count(),
                pet.where().isEmpty() ? "—" : pet.where()));
        petSpecies.set("");
        petCount.set("1");
        petWhere.set("");
    }

    /** The next person of the household is identified (card, QR or typed). */
    public void addPerson() {
        if (desk.step() == CheckInStep.HOUSEHOLD && !desk.isBusy()) {
            desk.setMessage("");
            desk.goTo(CheckInStep.IDENTIFY);
        }
    }

    /** Stores the household: every member in one transaction; then the desk is ready for the next household. */
    public void confirm() {
        HouseholdCheckIn now = desk.checkIn();
        if (desk.step() != CheckInStep.HOUSEHOLD || desk.isBusy() || now.members().isEmpty()) {
            return;
        }
        if (!petSpecies.get().isBlank()) {
            addPet(); // a pet typed but not added is not lost
        }
        HouseholdCheckIn ready = now.withHousehold(stay.get(), space.get().strip(), List.copyOf(pets),
                vehicle.get().strip());
        desk.update(ready);
        String shelterId = ready.shelter().id();
        desk.work().run(Lane.STORE_WRITER, "shelter check-in", () -> desk.records().checkIn(shelterId,
                ready.arrival()), ids -> {
                    desk.update(desk.checkIn().withStored(ids));
                    summary.set(messages.get("shelter.household.stored", ids.size(), ready.shelter().name(),
                            ready.members().stream().flatMap(m -> m.flags().stream()).map(CareFlag::kind).distinct()
                                    .count(), pets.stream().mapToInt(Pet::count).sum()));
                    desk.setMessage(""); // the done panel says it, in large type
                });
    }

    /** After a household was stored: the next one. */
    public void nextHousehold() {
        desk.newHousehold();
        desk.setMessage(summary.get());
    }

    public ObservableList<String> members() {
        return members;
    }

    public ObservableList<String> petLines() {
        return petLines;
    }

    public ObservableList<String> spaces() {
        return spaces;
    }

    public ObjectProperty<Stay> stayProperty() {
        return stay;
    }

    public StringProperty spaceProperty() {
        return space;
    }

    public StringProperty petSpeciesProperty() {
        return petSpecies;
    }

    public StringProperty petCountProperty() {
        return petCount;
    }

    public StringProperty petWhereProperty() {
        return petWhere;
    }

    public StringProperty vehicleProperty() {
        return vehicle;
    }

    /** What was stored last, in one sentence. */
    public StringProperty summaryProperty() {
        return summary;
    }

    public CheckInCoordinator desk() {
        return desk;
    }
}
