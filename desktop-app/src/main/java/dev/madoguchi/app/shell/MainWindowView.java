package dev.madoguchi.app.shell;

import dev.madoguchi.app.demo.DemoCardLine;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.status.StatusLevel;
import dev.madoguchi.app.store.BackupViewModel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;

/** The main window's controller: binds controls to {@link MainWindowViewModel} and forwards events. */
public final class MainWindowView {

    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass WORKING = PseudoClass.getPseudoClass("working");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final MainWindowViewModel viewModel;
    private final Runnable exitAction;
    private final BackupViewModel backup;
    /** Opens the blocked-messages screen over the given window; null where there is none (tools, tests). */
    private final java.util.function.Consumer<javafx.stage.Window> openBlockedMessages;

    @FXML private BorderPane root;
    @FXML private java.util.ResourceBundle resources;
    @FXML private Label demoBanner;
    @FXML private Menu demoMenu;
    @FXML private Menu fontScaleMenu;
    @FXML private MenuItem placeCardItem;
    @FXML private MenuItem removeCardItem;
    @FXML private RadioMenuItem japaneseItem;
    @FXML private RadioMenuItem englishItem;
    @FXML private ToggleGroup modeGroup;
    @FXML private ToggleGroup fontScaleGroup;
    @FXML private MenuItem counterItem;
    @FXML private MenuItem shelterItem;
    @FXML private MenuItem volunteerItem;
    @FXML private ToggleButton counterButton;
    @FXML private ToggleButton shelterButton;
    @FXML private ToggleButton volunteerButton;
    @FXML private javafx.scene.layout.StackPane modeArea;
    /** How each mode's view is made; a view is made when its mode is first shown (docs/performance.md, "Counter"). */
    private java.util.Map<Mode, java.util.function.Supplier<? extends Node>> modeViews = java.util.Map.of();
    private final java.util.Map<Mode, Node> madeViews = new java.util.EnumMap<>(Mode.class);
    @FXML private javafx.scene.layout.FlowPane statusBar;
    @FXML private Label readerStatus;
    @FXML private Label storeStatus;
    @FXML private Label syncStatus;
    @FXML private Label backupNotice;
    @FXML private MenuItem backupItem;
    @FXML private MenuItem restoreItem;
    @FXML private javafx.scene.control.Hyperlink blockedLink;
    @FXML private MenuItem blockedItem;
    @FXML private MenuItem handlingTimesItem;
    /** Opens the handling-time screen over the given window; null where there is none (tools, tests). */
    private java.util.function.Consumer<javafx.stage.Window> openHandlingTimes;
    @FXML private MenuItem lockItem;
    @FXML private MenuItem trustAnchorItem;
    @FXML private MenuItem trustAnchorsItem;
    /** Opens the trust anchors window over the given window; null where there is none (tools, tests). */
    private java.util.function.Consumer<javafx.stage.Window> openTrustAnchors;
    @FXML private Menu demoCardsMenu;
    /** The window the close-request filter is on (the stage outlives this view when the language changes). */
    private javafx.stage.Window closeGuarded;
    private final javafx.event.EventHandler<javafx.stage.WindowEvent> closeGuard = this::closeRequested;

    public MainWindowView(MainWindowViewModel viewModel, Runnable exitAction) {
        this(viewModel, exitAction, null, null);
    }

    /**
     * @param backup the backup menu's view model, or null when there is no store to back up
     * @param openBlockedMessages opens the blocked-messages screen over the main window; null where there is none
     */
    public MainWindowView(MainWindowViewModel viewModel, Runnable exitAction, BackupViewModel backup,
            java.util.function.Consumer<javafx.stage.Window> openBlockedMessages) {
        this.viewModel = viewModel;
        this.exitAction = exitAction;
        this.backup = backup;
        this.openBlockedMessages = openBlockedMessages;
    }

    /** Wires ファイル → 受付時間の集計… (call before the FXML is loaded; without it the item is disabled). */
    public void setOpenHandlingTimes(java.util.function.Consumer<javafx.stage.Window> opener) {
        this.openHandlingTimes = opener;
    }

    /** How each mode's view is made (call before the FXML is loaded; a mode without one shows nothing). */
    public void setModeViews(java.util.Map<Mode, java.util.function.Supplier<? extends Node>> views) {
        this.modeViews = java.util.Map.copyOf(views);
    }

    /** Wires ファイル → 在留カードの署名の信頼点… (call before the FXML is loaded; without it the item is disabled). */
    public void setOpenTrustAnchors(java.util.function.Consumer<javafx.stage.Window> opener) {
        this.openTrustAnchors = opener;
    }

    @FXML
    private void initialize() {
        handlingTimesItem.setDisable(openHandlingTimes == null);
        trustAnchorsItem.setDisable(openTrustAnchors == null);
        demoBanner.visibleProperty().bind(viewModel.demoModeProperty());
        demoBanner.managedProperty().bind(viewModel.demoModeProperty());
        demoMenu.visibleProperty().bind(viewModel.demoModeProperty());
        placeCardItem.disableProperty().bind(viewModel.demoCardsAvailableProperty().not());
        removeCardItem.disableProperty().bind(viewModel.demoCardsAvailableProperty().not());

        counterButton.setUserData(Mode.COUNTER);
        shelterButton.setUserData(Mode.SHELTER);
        volunteerButton.setUserData(Mode.VOLUNTEER);
        selectModeButton(viewModel.modeProperty().get());
        viewModel.modeProperty().addListener((obs, old, mode) -> selectModeButton(mode));
        modeGroup.selectedToggleProperty().addListener((obs, old, selected) -> {
            if (selected == null) {
                old.setSelected(true); // one mode is always chosen
            } else {
                viewModel.modeProperty().set((Mode) selected.getUserData());
            }
        });
        offerOnlyWhenAllowed(counterButton, counterItem, Mode.COUNTER);
        offerOnlyWhenAllowed(shelterButton, shelterItem, Mode.SHELTER);
        offerOnlyWhenAllowed(volunteerButton, volunteerItem, Mode.VOLUNTEER);
        showMode(viewModel.modeProperty().get());
        viewModel.modeProperty().addListener((obs, old, mode) -> showMode(mode));

        (viewModel.languageProperty().get() == Language.ENGLISH ? englishItem : japaneseItem).setSelected(true);
        for (int percent : MainWindowViewModel.FONT_SCALES) {
            RadioMenuItem item = new RadioMenuItem(percent + " %");
            item.setToggleGroup(fontScaleGroup);
            item.setSelected(percent == viewModel.fontScalePercentProperty().get());
            item.setOnAction(e -> viewModel.fontScalePercentProperty().set(percent));
            fontScaleMenu.getItems().add(item);
        }
        root.styleProperty().bind(Bindings.format("-fx-font-size: %.1fpx;",
                viewModel.fontScalePercentProperty().multiply(14.0 / 100)));

        StatusBarViewModel status = viewModel.statusBar();
        bindStatus(readerStatus, status.readerTextProperty(), status.readerLevelProperty());
        bindStatus(storeStatus, status.storeTextProperty(), status.storeLevelProperty());
        bindStatus(syncStatus, status.syncTextProperty(), status.syncLevelProperty());
        if (backup == null) {
            backupItem.setDisable(true);
            restoreItem.setDisable(true);
            backupNotice.setVisible(false);
            backupNotice.setManaged(false);
        } else {
            backupItem.disableProperty().bind(backup.runningProperty());
            backupNotice.textProperty().bind(backup.messageProperty());
            backupNotice.accessibleTextProperty().bind(backup.messageProperty());
            backupNotice.visibleProperty().bind(backup.messageProperty().isNotEmpty());
            backupNotice.managedProperty().bind(backup.messageProperty().isNotEmpty());
        }
        // the sync slot's link to the blocked messages: shown only while some wait for a person
        var someBlocked = status.syncBlockedProperty().greaterThan(0).and(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> openBlockedMessages != null));
        blockedLink.textProperty().bind(status.syncBlockedTextProperty());
        blockedLink.accessibleTextProperty().bind(status.syncBlockedTextProperty());
        blockedLink.visibleProperty().bind(someBlocked);
        blockedLink.managedProperty().bind(someBlocked);
        blockedItem.setDisable(openBlockedMessages == null);

        lockItem.disableProperty().bind(viewModel.lockAvailableProperty().not());
        trustAnchorItem.disableProperty().bind(viewModel.trustAnchorAvailableProperty().not());
        showDemoCards();
        viewModel.demoCards().addListener((javafx.collections.ListChangeListener<DemoCardLine>) c -> showDemoCards());
        // the window's close button asks like 終了 does; the filter moves with this view's root between windows
        root.sceneProperty().addListener((obs, old, scene) -> followScene(scene));
        followScene(root.getScene());
    }

    private void followScene(javafx.scene.Scene scene) {
        if (scene == null) {
            guardClose(null);
            return;
        }
        scene.windowProperty().addListener((obs, old, window) -> {
            if (root.getScene() == scene) {
                guardClose(window);
            }
        });
        guardClose(scene.getWindow());
    }

    private void showDemoCards() {
        demoCardsMenu.getItems().clear();
        for (DemoCardLine card : viewModel.demoCards()) {
            String format = card.residenceCard() ? "menu.demo.residenceCard"
                    : card.residenceCardNumber() != null ? "menu.demo.specifiedCard"
                    : card.pinTriesLeft() == 0 ? "menu.demo.card.blocked" : "menu.demo.card";
            MenuItem item = new MenuItem(java.text.MessageFormat.format(resources.getString(format),
                    card.residentId(), card.nameOnCard(), card.pin(), card.collationNumberB(),
                    card.residenceCardNumber()));
            item.setId("demo-card-" + card.residentId());
            item.disableProperty().bind(viewModel.demoCardsAvailableProperty().not());
            item.setOnAction(e -> viewModel.placeDemoCard(card.residentId()));
            demoCardsMenu.getItems().add(item);
        }
        demoCardsMenu.setDisable(viewModel.demoCards().isEmpty());
    }

    private void guardClose(javafx.stage.Window window) {
        if (closeGuarded != null) {
            closeGuarded.removeEventFilter(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, closeGuard);
        }
        closeGuarded = window;
        if (window != null) {
            window.addEventFilter(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, closeGuard);
        }
    }

    private void closeRequested(javafx.stage.WindowEvent e) {
        if (viewModel.quitNeedsConfirmation() && !QuitConfirmation.ask(closeGuarded, resources, root.styleProperty())) {
            e.consume();
        }
    }

    private void selectModeButton(Mode mode) {
        modeGroup.getToggles().stream()
                .filter(t -> t.getUserData() == mode)
                .findFirst()
                .ifPresent(t -> t.setSelected(true));
    }

    /** A mode the account may not use is neither shown as a button nor offered in the menu. */
    private void offerOnlyWhenAllowed(ToggleButton button, MenuItem item, Mode mode) {
        javafx.beans.binding.BooleanBinding allowed = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.modes().contains(mode), viewModel.modes());
        button.visibleProperty().bind(allowed);
        button.managedProperty().bind(allowed);
        item.visibleProperty().bind(allowed);
        item.disableProperty().bind(allowed.not()); // and its shortcut does nothing
    }

    /** Makes the mode's view the first time it is shown; each view is visible only in its mode. */
    private void showMode(Mode mode) {
        if (madeViews.containsKey(mode) || !modeViews.containsKey(mode)) {
            return;
        }
        Node view = modeViews.get(mode).get();
        view.setId(mode.name().toLowerCase(java.util.Locale.ROOT) + "View");
        view.visibleProperty().bind(viewModel.modeProperty().isEqualTo(mode));
        madeViews.put(mode, view);
        modeArea.getChildren().add(view);
    }

    /** Makes every mode's view now (the sign-in's warm-up: their classes and styles are loaded before they are needed). */
    public void makeEveryModeView() {
        modeViews.keySet().forEach(this::showMode);
    }

    private void bindStatus(Label label, javafx.beans.value.ObservableValue<String> text,
            javafx.beans.value.ObservableValue<StatusLevel> level) {
        label.textProperty().bind(text);
        label.accessibleTextProperty().bind(text);
        // at most half the bar, so three items take two lines at 200 % on a small screen; a screen reader reads the
        // whole text
        label.maxWidthProperty().bind(Bindings.createDoubleBinding(() -> statusBar.getWidth() <= 0 ? Double.MAX_VALUE
                : Math.max(0, (statusBar.getWidth() - statusBar.snappedLeftInset() - statusBar.snappedRightInset()
                        - statusBar.getHgap()) / 2 - 1),
                statusBar.widthProperty(), statusBar.insetsProperty(), statusBar.hgapProperty()));
        applyLevel(label, level.getValue());
        level.addListener((obs, old, now) -> applyLevel(label, now));
    }

    private static void applyLevel(Label label, StatusLevel level) {
        label.pseudoClassStateChanged(OK, level == StatusLevel.OK);
        label.pseudoClassStateChanged(WORKING, level == StatusLevel.WORKING);
        label.pseudoClassStateChanged(WARNING, level == StatusLevel.WARNING);
        label.pseudoClassStateChanged(ERROR, level == StatusLevel.ERROR);
    }

    @FXML
    private void showCounter() {
        viewModel.modeProperty().set(Mode.COUNTER);
    }

    @FXML
    private void showShelter() {
        viewModel.modeProperty().set(Mode.SHELTER);
    }

    @FXML
    private void showVolunteer() {
        viewModel.modeProperty().set(Mode.VOLUNTEER);
    }

    @FXML
    private void useJapanese() {
        viewModel.languageProperty().set(Language.JAPANESE);
    }

    @FXML
    private void useEnglish() {
        viewModel.languageProperty().set(Language.ENGLISH);
    }

    @FXML
    private void placeDemoCard() {
        viewModel.placeNextDemoCard();
    }

    @FXML
    private void removeDemoCard() {
        viewModel.removeDemoCard();
    }

    @FXML
    private void addTrustAnchor() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("menu.file.trustAnchor"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                resources.getString("counter.trust.files"), "*.pem", "*.crt", "*.cer", "*.der"));
        File chosen = chooser.showOpenDialog(root.getScene().getWindow());
        if (chosen != null) {
            viewModel.addTrustAnchorFile(chosen.toPath());
        }
    }

    @FXML
    private void openTrustAnchors() {
        openTrustAnchors.accept(root.getScene().getWindow());
    }

    @FXML
    private void backup() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("store.backup.chooser.title"));
        Path suggested = backup.suggestedFile();
        if (Files.isDirectory(suggested.getParent())) {
            chooser.setInitialDirectory(suggested.getParent().toFile());
        }
        chooser.setInitialFileName(suggested.getFileName().toString());
        File chosen = chooser.showSaveDialog(root.getScene().getWindow());
        if (chosen != null) {
            backup.backupTo(chosen.toPath());
        }
    }

    @FXML
    private void showBlockedMessages() {
        if (openBlockedMessages != null) {
            blockedLink.setVisited(false);
            openBlockedMessages.accept(root.getScene().getWindow());
        }
    }

    @FXML
    private void showHandlingTimes() {
        openHandlingTimes.accept(root.getScene().getWindow());
    }

    @FXML
    private void explainRestore() {
        backup.explainRestore();
    }

    @FXML
    private void exit() {
        if (!viewModel.quitNeedsConfirmation() || QuitConfirmation.ask(root.getScene().getWindow(), resources,
                root.styleProperty())) {
            exitAction.run();
        }
    }

    @FXML
    private void lockScreen() {
        viewModel.lockNow();
    }
}
