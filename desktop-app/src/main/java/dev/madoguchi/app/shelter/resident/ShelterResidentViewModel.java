package dev.madoguchi.app.shelter.resident;

import dev.madoguchi.app.resident.ResidentLanguage;
import dev.madoguchi.app.resident.ResidentTexts;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.shelter.CheckInStep;
import dev.madoguchi.app.shelter.identify.PersonIdentifyViewModel;
import dev.madoguchi.app.shelter.screen.ShelterSteps;
import dev.madoguchi.domain.shelter.Evacuee;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The resident's window at the shelter desk: a welcome in the resident's language, the PIN pad as at the counter (the
 * tries left said first; the PIN goes to the desk's identify step, sent once), and, once the household is stored,
 * what was recorded in large type — the names and birth dates of the household and where they stay. Nothing else of
 * the desk is shown.
 */
public final class ShelterResidentViewModel {

    private final CheckInCoordinator desk;
    private final PersonIdentifyViewModel identify;
    private final ObjectProperty<ResidentLanguage> language = new SimpleObjectProperty<>(ResidentLanguage.JAPANESE);
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty headingRuby = new SimpleStringProperty("");
    private final StringProperty pinDots = new SimpleStringProperty("");
    private final ObservableList<String> recorded = FXCollections.observableArrayList();
    private List<Evacuee> lastStored = List.of();
    private ResidentTexts texts = new ResidentTexts(ResidentLanguage.JAPANESE);

    public ShelterResidentViewModel(ShelterSteps steps) {
        this.desk = steps.desk();
        this.identify = steps.identify();
        language.addListener((obs, was, now) -> {
            texts = new ResidentTexts(now);
            refresh();
        });
        desk.stepProperty().addListener((obs, was, now) -> refresh());
        identify.pinProperty().addListener((obs, was, now) -> refresh());
        identify.pinTriesLeftProperty().addListener((obs, was, now) -> refresh());
        desk.checkInProperty().addListener((obs, was, now) -> {
            if (now.step() == CheckInStep.DONE) {
                lastStored = now.members();
            }
            refresh();
        });
        refresh();
    }

    private void refresh() {
        CheckInStep step = desk.step();
        String key = switch (step) {
            case PIN_ENTRY -> identify.pinTriesLeftProperty().get() > 0 ? "pin.triesLeft" : "pin.prompt";
            case PIN_BLOCKED -> "pin.blocked";
            case READING, MATCH, PERSON, HOUSEHOLD, MANUAL_ENTRY, COLLATION_NUMBER_ENTRY -> "wait";
            case DONE -> "recordedShelter";
            default -> "welcomeShelter";
        };
        Object[] args = switch (key) {
            case "pin.triesLeft" -> new Object[] {identify.pinTriesLeftProperty().get()};
            case "recordedShelter" -> new Object[] {lastStored.size()};
            default -> new Object[0];
        };
        String text = texts.get(key, args);
        if (step == CheckInStep.PIN_ENTRY && key.equals("pin.triesLeft")) {
            text = texts.get("pin.prompt") + "\n" + text;
        }
        heading.set(text);
        headingRuby.set(key.equals("pin.triesLeft") ? texts.ruby("pin.prompt") + "\n" + texts.ruby(key, args)
                : texts.ruby(key, args));
        pinDots.set("●".repeat(identify.pinProperty().get().length()));
        if (step == CheckInStep.DONE) {
            var at = desk.checkIn();
            String where = at.shelter() == null ? "" : at.shelter().name() + (at.space().isEmpty() ? "" : " " + at.space());
            recorded.setAll(lastStored.stream().map(e -> e.name() + "　" + (e.birthDate() == null ? ""
                    : e.birthDate().toString())).toList());
            recorded.add(where);
        } else {
            recorded.clear();
        }
    }

    public void pressDigit(int digit) {
        identify.pressPinDigit(digit);
    }

    public void clear() {
        identify.pinProperty().set("");
    }

    public void enter() {
        identify.submitPin();
    }

    /** The pad is for the PIN only. */
    public boolean padActive() {
        return desk.step() == CheckInStep.PIN_ENTRY;
    }

    public ObjectProperty<ResidentLanguage> languageProperty() {
        return language;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading;
    }

    /** The heading's reading (furigana) when the language has one, else "". */
    public ReadOnlyStringProperty headingRubyProperty() {
        return headingRuby;
    }

    public ReadOnlyStringProperty pinDotsProperty() {
        return pinDots;
    }

    /** What was recorded, one line a person and the place, in large type. */
    public ObservableList<String> recorded() {
        return recorded;
    }

    public ResidentTexts texts() {
        return texts;
    }

    public CheckInCoordinator desk() {
        return desk;
    }
}
