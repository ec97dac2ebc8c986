package dev.madoguchi.app.counter.plan;

import dev.madoguchi.app.counter.MatchCandidate;
import dev.madoguchi.app.counter.MatchField;
import dev.madoguchi.app.counter.RegisterMatchService;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The stop when 転入 is chosen for a person who lives here: a 転入's 従前の住所 must never be this municipality's
 * address. It fires when the clerk confirmed a register entry (then it cannot be passed: the one key chooses 転居),
 * and also before any confirmation when the card's data or the typed identity agrees with a register entry — the
 * My Number, the residence card number, or name and birth date (a 代替文字 difference counts, a differing sex does
 * not). Then the one key (Enter) takes that entry as the person at the counter and chooses 転居 — the clerk sees the
 * entry's name and birth date in the stop, so the key press is the clerk's confirmation, never the program's; with
 * several such entries it goes back to the match step to confirm one. Because a namesake born the same day is
 * possible, an unconfirmed stop can be passed once ("another person: go on with 転入").
 */
final class TennyuStop {

    private final VisitCoordinator visit;
    private final Messages messages;
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final BooleanProperty passable = new SimpleBooleanProperty(false);
    private final StringProperty text = new SimpleStringProperty("");
    /** The clerk said the agreeing entries are another person: not stopped again in this visit. */
    private boolean passed;

    TennyuStop(VisitCoordinator visit) {
        this.visit = visit;
        this.messages = visit.messages();
        visit.whenEnded(() -> {
            shown.set(false);
            passed = false;
        });
    }

    /** Whether choosing 転入 now must stop; when so, the stop is shown with its words. */
    boolean stops() {
        if (visit.material().confirmed() != null) {
            show(messages.get("counter.tennyu.registered"), false);
            return true;
        }
        List<MatchCandidate> agreeing = agreeing();
        if (passed || agreeing.isEmpty()) {
            hide();
            return false;
        }
        if (agreeing.size() == 1) {
            MatchCandidate c = agreeing.get(0);
            show(messages.get("counter.tennyu.likelyRegistered", RegisterMatchService.registerName(c.resident()),
                    c.resident().birthDate().toString()), true);
        } else {
            show(messages.get("counter.tennyu.likelyRegisteredMany", agreeing.size()), true);
        }
        return true;
    }

    /** Register candidates whose data agrees with the card or the typed identity, not yet confirmed. */
    List<MatchCandidate> agreeing() {
        return visit.material().candidates().stream().filter(TennyuStop::agrees).toList();
    }

    static boolean agrees(MatchCandidate c) {
        return c.match(MatchField.MY_NUMBER).agrees() || c.match(MatchField.RESIDENCE_CARD_NUMBER).agrees()
                || c.match(MatchField.NAME).agrees() && c.match(MatchField.BIRTH_DATE).agrees();
    }

    /**
     * The one key: with a confirmed entry, or one agreeing entry (confirmed now, its household read on
     * {@code store-writer}), {@code thenTenkyo} chooses 転居; with several the visit goes back to the match step.
     */
    void toTenkyo(Runnable thenTenkyo) {
        if (!shown.get() || visit.isBusy()) {
            return;
        }
        hide();
        if (visit.material().confirmed() != null) {
            thenTenkyo.run();
            return;
        }
        List<MatchCandidate> agreeing = agreeing();
        if (agreeing.size() != 1) {
            visit.setMessage(messages.get("counter.tennyu.confirmFirst"));
            visit.goTo(VisitStep.CANDIDATES);
            return;
        }
        MatchCandidate c = agreeing.get(0);
        visit.work().run(Lane.STORE_WRITER, "counter household", () -> visit.service().household(c.resident()),
                members -> {
                    visit.advance(visit.visit().withConfirmed(c.resident().residentId()),
                            visit.material().withConfirmed(c, members));
                    thenTenkyo.run();
                });
    }

    /** The clerk says the agreeing entries are another person (only when nothing was confirmed). */
    boolean pass() {
        if (!shown.get() || !passable.get()) {
            return false;
        }
        passed = true;
        hide();
        return true;
    }

    void hide() {
        shown.set(false);
        visit.setError("");
    }

    private void show(String words, boolean canPass) {
        text.set(words);
        passable.set(canPass);
        shown.set(true);
        visit.setError(words);
    }

    ReadOnlyBooleanProperty shownProperty() {
        return shown;
    }

    ReadOnlyBooleanProperty passableProperty() {
        return passable;
    }

    ReadOnlyStringProperty textProperty() {
        return text;
    }
}
