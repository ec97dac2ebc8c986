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
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/** Who is present (PresentView.fxml): search, flag filter, counts, and check-out with destination. */
public final class PresentView {

    private final PresentViewModel viewModel;

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

    public PresentView(PresentViewModel viewModel) {
        this.viewModel = viewModel;
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
        destinationBox.getItems().setAll(Destination.values());
        destinationBox.setConverter(converter(d -> d == null ? ""
                : messages.get(Messages.keyFor("shelter.destination.", d))));
        destinationBox.valueProperty().bindBidirectional(viewModel.destinationProperty());
        targetBox.setItems(viewModel.targets());
        targetBox.setConverter(converter(s -> s == null ? "" : s.name() + "（" + s.id() + "）"));
        targetBox.valueProperty().bindBidirectional(viewModel.targetProperty());
        targetBox.disableProperty().bind(viewModel.destinationProperty().isNotEqualTo(Destination.OTHER_SHELTER));
        refreshButton.disableProperty().bind(viewModel.busyProperty());
        checkOutButton.disableProperty().bind(viewModel.busyProperty()
                .or(peopleList.getSelectionModel().selectedIndexProperty().lessThan(0)));
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
    @FXML private void checkOut() { viewModel.checkOut(peopleList.getSelectionModel().getSelectedIndex()); }
}
