package dev.madoguchi.app.counter.trust;

import dev.madoguchi.app.counter.CounterError;
import dev.madoguchi.app.counter.CounterException;
import dev.madoguchi.app.counter.ResidenceTrustSettings;
import dev.madoguchi.store.LocalStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The residence card trust anchors this terminal added (docs/residence-card.md §5), for the 信頼点 window: listed and
 * removed in the signed-in store's settings, audited; the next card read checks against what is left. Synchronous:
 * call it on the {@code store-writer} lane. Anchors built into the program (the demo's synthetic CA) are not here.
 */
public final class TrustAnchorService {

    private final Supplier<Optional<LocalStore>> store;

    public TrustAnchorService(Supplier<Optional<LocalStore>> store) {
        this.store = store;
    }

    /** The anchors added, in the order added. */
    public List<ResidenceTrustSettings.Facts> list() {
        return ResidenceTrustSettings.anchors(open().settings()).stream().map(ResidenceTrustSettings::facts).toList();
    }

    /**
     * Removes one anchor, audited.
     *
     * @throws CounterException TRUST_ANCHOR_NOT_FOUND when it is no longer held
     */
    public ResidenceTrustSettings.Facts remove(String fingerprint) {
        return ResidenceTrustSettings.facts(ResidenceTrustSettings.remove(open().settings(), fingerprint));
    }

    private LocalStore open() {
        return store.get().orElseThrow(() -> new CounterException(CounterError.NOT_SIGNED_IN, "no clerk signed in",
                null));
    }
}
