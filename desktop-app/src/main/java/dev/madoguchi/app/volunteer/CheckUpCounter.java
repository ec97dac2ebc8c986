package dev.madoguchi.app.volunteer;

import dev.madoguchi.store.LocalStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Counts a check-up in the signed-in store's daily tally ({@code store-writer}); nothing when no store is open. */
public final class CheckUpCounter {

    private final Supplier<Optional<LocalStore>> store;

    public CheckUpCounter(Supplier<Optional<LocalStore>> store) {
        this.store = store;
    }

    /** @return whether it was counted */
    public boolean count(LocalDate day, List<String> outcomes) {
        Optional<LocalStore> open = store.get();
        open.ifPresent(s -> s.checkUpTally().count(day, outcomes));
        return open.isPresent();
    }
}
