package dev.madoguchi.app.report;

import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.forms.rules.LifeEventRules;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.cases.HandlingTimeReport;
import dev.madoguchi.store.clerks.Capability;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The handling-time figures for the desktop (docs/adr/0018): the signed-in clerk's own, or — for an administrator —
 * every clerk's. Synchronous; the desktop calls it on the {@code store-writer} lane. The store checks who may see what.
 */
public final class HandlingTimesService {

    private final StoreService stores;
    private final java.util.function.Supplier<LifeEventRules> rules;

    public HandlingTimesService(StoreService stores, LifeEventRules rules) {
        this(stores, () -> rules);
    }

    /** @param rules the life-event rules (event titles), asked at each use */
    public HandlingTimesService(StoreService stores, java.util.function.Supplier<LifeEventRules> rules) {
        this.stores = stores;
        this.rules = rules;
    }

    /** The figures and whether the signed-in clerk may ask for every clerk's. */
    public record Figures(HandlingTimeReport report, boolean mayReadAll) {}

    /** The signed-in clerk's figures, or every clerk's when {@code allClerks}, of the days from … to, inclusive. */
    public Figures report(LocalDate from, LocalDate to, boolean allClerks, ZoneId zone) {
        LocalStore store = stores.store().orElseThrow(() -> new StoreException(StoreError.NO_STORE,
                "no clerk is signed in to a local store", null));
        boolean mayReadAll = store.clerk().role().allows(Capability.READ_ALL_HANDLING_TIMES);
        HandlingTimeReport report = allClerks ? store.handlingTimes().forAllClerks(from, to, zone)
                : store.handlingTimes().mine(from, to, zone);
        return new Figures(report, mayReadAll);
    }

    /** A life event's title in the clerk's language; its id when the rules do not know it. */
    public String lifeEventTitle(String id, Locale locale) {
        return rules.get().event(id).map(e -> e.title().in(locale)).orElse(id);
    }
}
