package dev.madoguchi.sync;

import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.shelter.ShelterRepository;
import dev.madoguchi.sync.backend.BackendClient;
import dev.madoguchi.sync.backend.BackendResult;
import dev.madoguchi.sync.backend.ShelterListPage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls the municipality's shelter list (docs/adr/0028) when the register pull is due and has caught up, and stores the
 * records that pass the checks through {@link ShelterRepository#savePulledList} in one transaction: a pulled shelter
 * replaces the local one with its id, a shelter created on the spot on this laptop is kept, a shelter an earlier pull
 * carried and this list lacks is marked withdrawn (kept with its events; no new check-ins). A list of another
 * municipality than the store's is refused whole (STORE-019, nothing changed). Records the list refused (malformed,
 * unknown feature, negative capacity, an id twice) are never stored; their position, id and reason are said in the
 * outcome and the log, and such an incomplete list withdraws nothing. A backend without the resource (404) has nothing
 * to pull.
 */
public final class ShelterListPull implements FollowUpPull {

    private static final Logger LOG = LoggerFactory.getLogger(ShelterListPull.class);

    /**
     * What one pull did.
     *
     * @param stored the store's counts, or null when nothing was stored
     * @param refusals position, id and reason of each record refused
     * @param problem why nothing was stored, or null
     */
    public record Outcome(ShelterRepository.PulledList stored, List<String> refusals, String problem) {

        /** The problem to show: this pull's, or {@code otherwise} when it had none. */
        public String problemOr(String otherwise) {
            if (problem != null) {
                return problem;
            }
            return refusals.isEmpty() ? otherwise : "shelters refused: " + String.join("; ", refusals);
        }
    }

    private final BackendClient backend;
    private final ShelterRepository shelters;

    public ShelterListPull(BackendClient backend, ShelterRepository shelters) {
        this.backend = backend;
        this.shelters = shelters;
    }

    public Outcome pull() {
        BackendResult<ShelterListPage> result = backend.shelterList();
        Outcome outcome;
        if (result instanceof BackendResult.Success<ShelterListPage> success) {
            ShelterListPage page = success.body();
            try {
                outcome = new Outcome(shelters.savePulledList(page.municipalityCode(), page.shelters(),
                        page.refusals().isEmpty()), page.refusals(), null);
            } catch (StoreException e) {
                outcome = new Outcome(null, page.refusals(), "shelter list not stored: " + e.error().code()
                        + (e.error() == StoreError.SHELTER_LIST_OF_OTHER_MUNICIPALITY ? " (the list is municipality "
                                + page.municipalityCode() + "'s, not this store's)" : ""));
            }
        } else if (result instanceof BackendResult.Refused<ShelterListPage> refused) {
            outcome = new Outcome(null, List.of(), refused.status() == 404 ? null // a backend without the list
                    : "shelter list pull refused: " + refused.problem().summary());
        } else {
            BackendResult.Unreachable<ShelterListPage> u = (BackendResult.Unreachable<ShelterListPage>) result;
            outcome = new Outcome(null, List.of(), "shelter list pull: " + u.reason() + ": " + u.detail());
        }
        if (!outcome.refusals().isEmpty() || outcome.problem() != null
                || outcome.stored() != null && outcome.stored().added() + outcome.stored().updated()
                        + outcome.stored().withdrawn() + outcome.stored().returned() > 0) {
            LOG.info("sync: shelter list {}, refused {} {}{}", outcome.stored(), outcome.refusals().size(),
                    outcome.refusals(), outcome.problem() == null ? "" : "; " + outcome.problem());
        }
        return outcome;
    }

    @Override
    public String pullAfterRegister(String problem) {
        return pull().problemOr(problem);
    }
}
