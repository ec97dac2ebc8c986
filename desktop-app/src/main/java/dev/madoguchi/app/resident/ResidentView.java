package dev.madoguchi.app.resident;

import dev.madoguchi.app.scroll.UncachedViewport;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The resident screen's controller: binds to {@link ResidentViewModel}; the PIN pad forwards its presses. */
public final class ResidentView {

    /** The resident screen's type size at 100 %, in pixels (every other size is relative to it). */
    static final double BASE_FONT_PX = 28;

    private final ResidentViewModel viewModel;
    private ResidentTextFit fit;

    @FXML private VBox residentRoot;
    @FXML private Label languageLabel;
    @FXML private FlowPane languageBox;
    @FXML private Label headlineRuby;
    @FXML private Label headline;
    @FXML private Label detailRuby;
    @FXML private Label detail;
    @FXML private VBox pinPad;
    @FXML private Label pinDots;
    @FXML private GridPane pinGrid;
    @FXML private ScrollPane linesScroll;
    @FXML private VBox linesBox;

    public ResidentView(ResidentViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        UncachedViewport.keep(linesScroll); // no offscreen image of the viewport (UncachedViewport)
        languageLabel.textProperty().bind(viewModel.languageTextProperty());
        bind(headline, viewModel.headlineProperty());
        bind(headlineRuby, viewModel.headlineRubyProperty());
        bind(detail, viewModel.detailProperty());
        bind(detailRuby, viewModel.detailRubyProperty());
        collapseWhenEmpty(headlineRuby);
        collapseWhenEmpty(detailRuby);
        collapseWhenEmpty(detail);
        pinDots.textProperty().bind(viewModel.pinDotsProperty());
        pinDots.accessibleTextProperty().bind(viewModel.pinDotsTextProperty());
        pinPad.visibleProperty().bind(viewModel.pinPadShownProperty());
        pinPad.managedProperty().bind(pinPad.visibleProperty());

        // the selected toggle IS the language: arrow keys move the selection without an action event, so the view model
        // follows the group's selection, never a button's action (the visible selection and the language never differ)
        ToggleGroup languages = new ToggleGroup();
        for (ResidentLanguage language : ResidentLanguage.values()) {
            ToggleButton b = new ToggleButton(language.nativeName());
            b.setId("resident-language-" + language.tag());
            b.getStyleClass().addAll("resident-language", "resident-script-" + language.tag());
            b.setUserData(language);
            b.setToggleGroup(languages);
            b.setSelected(language == viewModel.languageProperty().get());
            languageBox.getChildren().add(b);
        }
        languages.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // Space on the chosen language keeps it chosen: one language is always chosen
            } else {
                viewModel.languageProperty().set((ResidentLanguage) now.getUserData());
            }
        });
        viewModel.languageProperty().addListener((obs, old, now) -> languages.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));

        int[][] layout = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                pinGrid.add(digit(layout[row][col]), col, row);
            }
        }
        Button clear = padButton("resident-pin-clear");
        clear.textProperty().bind(viewModel.clearTextProperty());
        clear.setOnAction(e -> viewModel.clearPin());
        Button enter = padButton("resident-pin-enter");
        enter.textProperty().bind(viewModel.enterTextProperty());
        enter.setOnAction(e -> viewModel.enterPin());
        pinGrid.add(clear, 0, 3);
        pinGrid.add(digit(0), 1, 3);
        pinGrid.add(enter, 2, 3);

        // Hangul is not in the Japanese fonts: Korean texts use a Korean font (Debian fonts-nanum)
        applyScript(viewModel.languageProperty().get());
        viewModel.languageProperty().addListener((obs, old, now) -> applyScript(now));
        viewModel.lines().addListener((ListChangeListener<ResidentLine>) c -> showLines());
        showLines();

        // the number keys (top row and numpad), Backspace and Enter work the PIN pad wherever the focus is
        residentRoot.addEventFilter(KeyEvent.KEY_PRESSED, this::padKey);
        fit = new ResidentTextFit(residentRoot, BASE_FONT_PX);
        fit.watch(viewModel.textSizePercentProperty(), pinPad.visibleProperty(), viewModel.languageProperty(),
                headline.textProperty(), detail.textProperty(), viewModel.lines());
    }

    private void padKey(KeyEvent e) {
        if (!viewModel.pinPadShownProperty().get()) {
            return;
        }
        int digit = digitOf(e.getCode());
        if (digit >= 0) {
            viewModel.pressDigit(digit);
            e.consume();
        } else if (e.getCode() == KeyCode.BACK_SPACE) {
            viewModel.deleteDigit();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER) {
            viewModel.enterPin();
            e.consume();
        }
    }

    /** 0–9 for a digit key of the top row or the numpad, else -1. */
    static int digitOf(KeyCode code) {
        if (code.ordinal() >= KeyCode.DIGIT0.ordinal() && code.ordinal() <= KeyCode.DIGIT9.ordinal()) {
            return code.ordinal() - KeyCode.DIGIT0.ordinal();
        }
        if (code.ordinal() >= KeyCode.NUMPAD0.ordinal() && code.ordinal() <= KeyCode.NUMPAD9.ordinal()) {
            return code.ordinal() - KeyCode.NUMPAD0.ordinal();
        }
        return -1;
    }

    private void applyScript(ResidentLanguage language) {
        residentRoot.getStyleClass().removeIf(c -> c.startsWith("resident-script-"));
        residentRoot.getStyleClass().add("resident-script-" + language.tag());
    }

    private Button digit(int d) {
        Button b = padButton("resident-pin-" + d);
        b.setText(String.valueOf(d));
        b.setOnAction(e -> viewModel.pressDigit(d));
        return b;
    }

    private static Button padButton(String id) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add("resident-pin-key");
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }

    private void showLines() {
        linesBox.getChildren().clear();
        for (ResidentLine line : viewModel.lines()) {
            if (!line.ruby().isEmpty()) {
                Label ruby = label(line.ruby(), "resident-ruby");
                linesBox.getChildren().add(ruby);
            }
            linesBox.getChildren().add(label(line.text(), switch (line.kind()) {
                case HEADING -> "resident-heading";
                case FIELD -> "resident-field";
                case ITEM -> "resident-item";
            }));
        }
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Control.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        return l;
    }

    private static void bind(Label label, ObservableValue<String> text) {
        label.textProperty().bind(text);
        label.accessibleTextProperty().bind(text);
    }

    private static void collapseWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
