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
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The controller of the resident's window in the volunteer mode: binds to {@link VolunteerResidentViewModel}; the
 * self-test's buttons, the pad (with the letters A–Z for the 署名用パスワード) and the questions' はい / いいえ buttons
 * forward their presses; the number keys (and the letter keys for the password), Backspace, Enter and Escape work the
 * pad wherever the focus is on this window.
 */
public final class VolunteerResidentView {

    private final VolunteerResidentViewModel viewModel;

    @FXML private ScrollPane linesScroll;
    @FXML private VBox residentRoot;
    @FXML private Label languageLabel;
    @FXML private FlowPane languageBox;
    @FXML private Label headlineRuby;
    @FXML private Label headline;
    @FXML private Label detailRuby;
    @FXML private Label detail;
    @FXML private FlowPane choicesBox;
    @FXML private VBox questionsBox;
    @FXML private FlowPane letterGrid;
    @FXML private VBox pinPad;
    @FXML private Label pinDots;
    @FXML private GridPane pinGrid;
    @FXML private Button cancelButton;
    @FXML private VBox linesBox;

    public VolunteerResidentView(VolunteerResidentViewModel viewModel) {
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
        for (Label l : new Label[] {headlineRuby, detailRuby, detail}) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        pinDots.textProperty().bind(viewModel.pinDotsProperty());
        pinDots.accessibleTextProperty().bind(viewModel.pinDotsTextProperty());
        pinPad.visibleProperty().bind(viewModel.padShownProperty());
        pinPad.managedProperty().bind(pinPad.visibleProperty());
        cancelButton.setId("resident-pin-cancel");
        cancelButton.textProperty().bind(viewModel.cancelTextProperty());
        cancelButton.setMaxWidth(Double.MAX_VALUE);
        languages();
        pad();
        letters();
        letterGrid.visibleProperty().bind(viewModel.lettersShownProperty());
        letterGrid.managedProperty().bind(letterGrid.visibleProperty());
        viewModel.questions().addListener((ListChangeListener<ResidentQuestion>) c -> showQuestions());
        showQuestions();
        viewModel.lines().addListener((ListChangeListener<ResidentLine>) c -> showLines());
        viewModel.choices().addListener((ListChangeListener<SelfTestChoice>) c -> showChoices());
        showLines();
        showChoices();
        residentRoot.addEventFilter(KeyEvent.KEY_PRESSED, this::padKey);
        residentRoot.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> viewModel.activity());
        new ResidentTextFit(residentRoot, ResidentView.BASE_FONT_PX).watch(viewModel.textSizePercentProperty(),
                pinPad.visibleProperty(), viewModel.languageProperty(), headline.textProperty(),
                detail.textProperty(), viewModel.lines(), viewModel.choices(), viewModel.questions(),
                viewModel.lettersShownProperty());
    }

    /** The selected toggle is the language (arrow keys move it); one language is always chosen. */
    private void languages() {
        ToggleGroup group = new ToggleGroup();
        for (ResidentLanguage language : ResidentLanguage.values()) {
            ToggleButton b = new ToggleButton(language.nativeName());
            b.setId("resident-language-" + language.tag());
            b.getStyleClass().addAll("resident-language", "resident-script-" + language.tag());
            b.setUserData(language);
            b.setToggleGroup(group);
            b.setSelected(language == viewModel.languageProperty().get());
            languageBox.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                viewModel.languageProperty().set((ResidentLanguage) now.getUserData());
            }
        });
        viewModel.languageProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));
        viewModel.languageProperty().addListener((obs, old, now) -> {
            residentRoot.getStyleClass().removeIf(c -> c.startsWith("resident-script-"));
            residentRoot.getStyleClass().add("resident-script-" + now.tag());
        });
    }

    private void pad() {
        int[][] layout = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                pinGrid.add(digit(layout[row][col]), col, row);
            }
        }
        Button clear = key("resident-pin-clear");
        clear.textProperty().bind(viewModel.clearTextProperty());
        clear.setOnAction(e -> viewModel.clearPin());
        Button enter = key("resident-pin-enter");
        enter.textProperty().bind(viewModel.enterTextProperty());
        enter.setOnAction(e -> viewModel.enterPin());
        pinGrid.add(clear, 0, 3);
        pinGrid.add(digit(0), 1, 3);
        pinGrid.add(enter, 2, 3);
    }

    private void padKey(KeyEvent e) {
        viewModel.activity();
        if (!viewModel.padShownProperty().get()) {
            return;
        }
        int digit = ResidentView.digitOf(e.getCode());
        if (digit >= 0) {
            viewModel.pressDigit(digit);
        } else if (e.getCode().isLetterKey() && viewModel.lettersShownProperty().get()) {
            viewModel.pressCharacter(e.getCode().getName().charAt(0));
        } else if (e.getCode() == KeyCode.BACK_SPACE) {
            viewModel.deleteDigit();
        } else if (e.getCode() == KeyCode.ENTER) {
            viewModel.enterPin();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            viewModel.cancel();
        } else {
            return;
        }
        e.consume();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    /** A–Z for the 署名用パスワード, shown only while it is typed. */
    private void letters() {
        for (char c = 'A'; c <= 'Z'; c++) {
            char letter = c;
            Button b = key("resident-pin-" + letter);
            b.setText(String.valueOf(letter));
            b.setMaxWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> viewModel.pressCharacter(letter));
            letterGrid.getChildren().add(b);
        }
    }

    /** Each question with two large buttons (はい / いいえ in the resident's language); the chosen one stays selected. */
    private void showQuestions() {
        javafx.scene.Node focused = questionsBox.getScene() == null ? null : questionsBox.getScene().getFocusOwner();
        String focusedId = focused == null ? null : focused.getId();
        questionsBox.getChildren().clear();
        for (ResidentQuestion q : viewModel.questions()) {
            if (!q.ruby().isEmpty()) {
                questionsBox.getChildren().add(label(q.ruby(), "resident-ruby"));
            }
            questionsBox.getChildren().add(label(q.text(), "resident-heading"));
            FlowPane answers = new FlowPane(12, 8);
            answers.getStyleClass().add("resident-language-buttons");
            ToggleGroup group = new ToggleGroup();
            for (String value : new String[] {"yes", "no"}) {
                ToggleButton b = new ToggleButton("yes".equals(value) ? q.yesText() : q.noText());
                b.setId("resident-answer-" + q.id() + "-" + value);
                b.getStyleClass().add("resident-pin-key");
                b.setAccessibleText(q.text() + " " + b.getText());
                b.setToggleGroup(group);
                b.setSelected(value.equals(q.answer()));
                b.setOnAction(e -> {
                    b.setSelected(true);
                    viewModel.answer(q.id(), value);
                });
                answers.getChildren().add(b);
            }
            questionsBox.getChildren().add(answers);
        }
        if (focusedId != null && focusedId.startsWith("resident-answer-")) {
            javafx.scene.Node again = questionsBox.lookup("#" + focusedId);
            if (again != null) {
                again.requestFocus();
            }
        }
    }

    private Button digit(int d) {
        Button b = key("resident-pin-" + d);
        b.setText(String.valueOf(d));
        b.setOnAction(e -> viewModel.pressDigit(d));
        return b;
    }

    private static Button key(String id) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add("resident-pin-key");
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }

    private void showChoices() {
        choicesBox.getChildren().clear();
        for (SelfTestChoice choice : viewModel.choices()) {
            Button b = new Button(choice.text());
            b.setId("resident-selftest-" + choice.kind().code());
            b.getStyleClass().add("resident-pin-key");
            b.setWrapText(true);
            b.setOnAction(e -> viewModel.choose(choice.kind()));
            choicesBox.getChildren().add(b);
        }
    }

    private void showLines() {
        linesBox.getChildren().clear();
        for (ResidentLine line : viewModel.lines()) {
            if (!line.ruby().isEmpty()) {
                linesBox.getChildren().add(label(line.ruby(), "resident-ruby"));
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
}
