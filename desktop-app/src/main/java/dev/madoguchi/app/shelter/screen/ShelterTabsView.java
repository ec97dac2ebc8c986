package dev.madoguchi.app.shelter.screen;

import dev.madoguchi.app.scroll.UncachedViewport;
import dev.madoguchi.app.shelter.backlog.BacklogView;
import dev.madoguchi.app.shelter.exchange.ExchangeView;
import dev.madoguchi.app.shelter.roster.RosterView;
import dev.madoguchi.app.shelter.present.PresentView;
import dev.madoguchi.app.shelter.report.ReportView;
import javafx.fxml.FXML;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The shelter mode's tabs (ShelterTabsView.fxml): check-in, the paper-card backlog, who is present (and check-out),
 * the daily report, the roster and 安否情報 answer list, the exchange file between laptops. Ctrl+Tab moves between them; a tab opened reads its data again and puts the keyboard in its
 * first field.
 */
public final class ShelterTabsView {

    @FXML private TabPane shelterTabs;
    @FXML private Tab checkInTab;
    @FXML private Tab backlogTab;
    @FXML private Tab presentTab;
    @FXML private Tab reportTab;
    @FXML private Tab rosterTab;
    @FXML private Tab exchangeTab;
    @FXML private BacklogView backlogController;
    @FXML private PresentView presentController;
    @FXML private ReportView reportController;
    @FXML private RosterView rosterController;
    @FXML private ExchangeView exchangeController;

    @FXML
    private void initialize() {
        for (Tab tab : shelterTabs.getTabs()) {
            if (tab.getContent() instanceof ScrollPane pane) {
                UncachedViewport.keep(pane); // no window-sized offscreen image per tab (UncachedViewport)
            }
        }
        shelterTabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now == backlogTab) {
                backlogController.shown();
            } else if (now == presentTab) {
                presentController.shown();
            } else if (now == reportTab) {
                reportController.shown();
            } else if (now == rosterTab) {
                rosterController.shown();
            } else if (now == exchangeTab) {
                exchangeController.shown();
            }
        });
    }

    /** For tests and screenshots: opens a tab (0 check-in, 1 backlog, 2 present, 3 report, 4 roster, 5 exchange). */
    public void open(int index) {
        shelterTabs.getSelectionModel().select(index);
    }
}
