package dev.madoguchi.app.shelter.backlog;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One handwritten evacuee card typed into the backlog grid: its fields as typed, its state and what is wrong. */
public final class BacklogRow {

    /** Where a row stands. */
    public enum State { EMPTY, READY, BAD, DUPLICATE, SAVED }

    final StringProperty household = new SimpleStringProperty("");
    final StringProperty name = new SimpleStringProperty("");
    final StringProperty kana = new SimpleStringProperty("");
    final StringProperty birthDate = new SimpleStringProperty("");
    final StringProperty sex = new SimpleStringProperty("");
    final StringProperty address = new SimpleStringProperty("");
    final StringProperty phone = new SimpleStringProperty("");
    final StringProperty flags = new SimpleStringProperty("");
    /** ⑫⑬⑭ as three characters, y or n each ("yyn"); blank: not asked, nothing consented. */
    final StringProperty consent = new SimpleStringProperty("");
    final ObjectProperty<State> state = new SimpleObjectProperty<>(State.EMPTY);
    final StringProperty status = new SimpleStringProperty("");

    /** The fields in grid order (Tab walks them left to right). */
    public StringProperty[] fields() {
        return new StringProperty[] {household, name, kana, birthDate, sex, address, phone, flags, consent};
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    /** What is wrong with the row, or that it was saved; "" while it is fine. */
    public StringProperty statusProperty() {
        return status;
    }

    boolean blank() {
        for (StringProperty f : fields()) {
            if (!f.get().isBlank()) {
                return false;
            }
        }
        return true;
    }
}
