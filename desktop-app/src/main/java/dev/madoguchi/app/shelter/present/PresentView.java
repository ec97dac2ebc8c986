package dev.madoguchi.app.shelter.present;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Destination;
import dev.madoguchi.domain.shelter.Shelter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * Who is present (PresentView.fxml): search, flag filter, counts; for the chosen person correction and history
 * (Ctrl+E), day / night presence (Ctrl+D, Ctrl+N; the whole household when ticked), leaving the household (Ctrl+H;
 * Ctrl+L is the main window's lock), and check-out with destination. The list keeps its selection when it is read again
 * after a change; a control the keyboard reaches is scrolled into view.
 */
public final class PresentView {

    static final KeyCombination CORRECT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination DAY = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination NIGHT = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination LEAVE = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN);

    private final PresentViewModel viewModel;
    private final CorrectionViewModel correction;
    private int kept = -1;
    private boolean reselect;

    @FXML private VBox presentRoot;
    @FXML private VBox listPane;
    @FXML private CorrectionView correctionController;
    @FXML private Button correctButton;
    @FXML private Button dayButton;
    @FXML private Button nightButton;
    @FXML private CheckBox wholeHouseholdBox;
    @FXML private Label joinLabel;
    @FXML private ComboBox<String> joinBox;
    @FXML private Button leaveButton;
    @FXML private Label countsLabel;
    @FXML private Label searchLabel;
    @FXML private TextField searchField;
    @FXML private Label flagLabel;
    @FXML private ComboBox<CareKind> flagBox;
    @FXML private Button refreshButton;
    @FXML private Label listLabel;
    @FXML private ListView<String> peopleList;
    @FXML private Label destinationLabel;
    @FXML private ComboBox<Destination> destinationBox;
    @FXML private Label targetLabel;
    @FXML private ComboBox<Shelter> targetBox;
    @FXML private Button checkOutButton;
    @FXML private Label errorLabel;
    @FXML private Label messageLabel;

    public PresentView(PresentViewModel viewModel, CorrectionViewModel correction) {
        this.viewModel = viewModel;
        this.correction = correction;
    }

    @FXML
    private void initialize() {
        Messages messages = viewModel.desk().messages();
        searchLabel.setLabelFor(searchField);
        flagLabel.setLabelFor(flagBox);
        listLabel.setLabelFor(peopleList);
        destinationLabel.setLabelFor(destinationBox);
        targetLabel.setLabelFor(targetBox);
        CounterNodes.bindText(countsLabel, viewModel.countsProperty());
        CounterNodes.bindText(errorLabel, viewModel.errorProperty());
        CounterNodes.bindText(messageLabel, viewModel.messageProperty());
        CounterNodes.collapseWhenEmpty(errorLabel);
        CounterNodes.collapseWhenEmpty(messageLabel);
        searchField.textProperty().bindBidirectional(viewModel.queryProperty());
        List<CareKind> kinds = new ArrayList<>();
        kinds.add(null);
        kinds.addAll(Arrays.asList(CareKind.values()));
        flagBox.getItems().setAll(kinds);
        flagBox.setConverter(converter(k -> k == null ? messages.get("shelter.present.allFlags")
                : messages.get(Messages.keyFor("shelter.flag.", k))));
        flagBox.valueProperty().bindBidirectional(viewModel.flagProperty());
        peopleList.setItems(viewModel.rows());
        FocusScroll.wrapLines(peopleList);
        destinationBox.getItems().setAll(Destination.values());
        destinationBox.setConverter(converter(d -> d == null ? ""
                : messages.get(Messages.keyFor("shelter.destination.", d))));
        destinationBox.valueProperty().bindBidirectional(viewModel.destinationProperty());
        targetBox.setItems(viewModel.targets());
        targetBox.setConverter(converter(s -> s == null ? "" : s.name() + "（" + s.id() + "）"));
        targetBox.valueProperty().bindBidirectional(viewModel.targetProperty());
        targetBox.disableProperty().bind(viewModel.destinationProperty().isNotEqualTo(Destination.OTHER_SHELTER));
        refreshButton.disableProperty().bind(viewModel.busyProperty());
        BooleanBinding noneChosen = viewModel.busyProperty()
                .or(peopleList.getSelectionModel().selectedIndexProperty().lessThan(0));
        for (Button b : List.of(checkOutButton, correctButton, dayButton, nightButton, leaveButton)) {
            b.disableProperty().bind(noneChosen);
        }
        joinLabel.setLabelFor(joinBox);
        joinBox.setItems(viewModel.households());
        joinBox.setConverter(converter(h -> h == null || h.isEmpty() ? messages.get("shelter.present.ownHousehold")
                : messages.get("shelter.present.household", h)));
        joinBox.valueProperty().bindBidirectional(viewModel.joinProperty());
        wholeHouseholdBox.selectedProperty().bindBidirectional(viewModel.wholeHouseholdProperty());
        peopleList.getSelectionModel().selectedIndexProperty().addListener((obs, was, now) -> {
            if (now.intValue() >= 0) {
                kept = now.intValue();
            }
        });
        viewModel.rows().addListener((ListChangeListener<String>) change -> {
            if (reselect && kept >= 0 && !viewModel.rows().isEmpty()) { // read again after a change: same line
                reselect = false;
                peopleList.getSelectionModel().select(Math.min(kept, viewModel.rows().size() - 1));
            }
        });
        listPane.visibleProperty().bind(correction.editingProperty().not());
        listPane.managedProperty().bind(listPane.visibleProperty());
        correction.editingProperty().addListener((obs, was, editing) -> {
            if (editing) {
                correctionController.shown();
            } else {
                reselect = false;
                peopleList.requestFocus();
            }
        });
        presentRoot.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcuts);
        FocusScroll.follow(presentRoot);
    }

    private void shortcuts(KeyEvent e) {
        if (correction.editingProperty().get()) {
            return;
        }
        Runnable action = CORRECT.match(e) ? this::correct : DAY.match(e) ? this::toggleDay
                : NIGHT.match(e) ? this::toggleNight : LEAVE.match(e) ? this::leave : null;
        if (action != null) {
            e.consume();
            action.run();
        }
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** The tab was opened: the list is read again and the search field takes the keyboard. */
    public void shown() {
        viewModel.refresh();
        searchField.requestFocus();
    }

    @FXML private void refresh() { viewModel.refresh(); }
    @FXML private void checkOut() { viewModel.checkOut(chosen()); }
    @FXML private void toggleDay() { viewModel.toggleDay(keepChosen()); }
    @FXML private void toggleNight() { viewModel.toggleNight(keepChosen()); }
    @FXML private void leave() { viewModel.leaveHousehold(keepChosen()); }

    /** The chosen line, which stays chosen when the list is read again after the change. */
    private int keepChosen() {
        reselect = chosen() >= 0;
        return chosen();
    }

    @FXML
    private void correct() {
        var person = viewModel.person(keepChosen());
        if (person != null) {
            correction.open(person);
        }
    }

    private int chosen() {
        return peopleList.getSelectionModel().getSelectedIndex();
    }
}
