package dev.madoguchi.sync;

import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.moveout.MoveOutRepository;
import dev.madoguchi.sync.backend.BackendClient;
import dev.madoguchi.sync.backend.BackendResult;
import dev.madoguchi.sync.backend.MoveOutPage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls the pending move-in records (転出証明書情報) into the store after the register pull: page by page from the
 * stored checkpoint, each page stored with its checkpoint in one transaction (pulling a page again changes nothing),
 * then the records past their validity are purged. Records the page refused (malformed, expired, another
 * municipality's) are never stored; their ids and reasons are said in the outcome and the log. Synchronous: run by
 * {@link SyncService} on its worker.
 */
public final class MoveOutPull implements FollowUpPull {

    private static final Logger LOG = LoggerFactory.getLogger(MoveOutPull.class);

    /**
     * What one pull did.
     *
     * @param refusals record id and reason of each record refused
     * @param problem why the pull stopped early, or null
     */
    public record Outcome(int stored, List<String> refusals, String problem) {

        /** The problem to show: this pull's, or {@code otherwise} when it had none. */
        public String problemOr(String otherwise) {
            if (problem != null) {
                return problem;
            }
            return refusals.isEmpty() ? otherwise : "move-out records refused: " + String.join("; ", refusals);
        }
    }

    private final BackendClient backend;
    private final MoveOutRepository moveOuts;
    private final Clock clock;
    private final int pageSize;
    private final int maxPages;

    public MoveOutPull(BackendClient backend, MoveOutRepository moveOuts, Clock clock, int pageSize, int maxPages) {
        this.backend = backend;
        this.moveOuts = moveOuts;
        this.clock = clock;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
    }

    public Outcome pull() {
        LocalDate today = LocalDate.now(clock);
        int stored = 0;
        List<String> refusals = new ArrayList<>();
        String problem = null;
        for (int p = 0; p < maxPages; p++) {
            String since = moveOuts.checkpoint().orElse(null);
            BackendResult<MoveOutPage> result = backend.pendingMoveOuts(since, pageSize, today);
            if (result instanceof BackendResult.Success<MoveOutPage> success) {
                MoveOutPage page = success.body();
                try {
                    moveOuts.applyPage(page.records(), page.checkpoint(), page.refusals().size());
                } catch (StoreException e) {
                    problem = "move-out page not stored: " + e.error().code();
                    break;
                }
                stored += page.records().size();
                refusals.addAll(page.refusals());
                if (!page.hasMore()) {
                    break;
                }
            } else if (result instanceof BackendResult.Refused<MoveOutPage> refused) {
                if (refused.status() != 404) { // a backend without the resource: nothing to pull
                    problem = "move-out pull refused: " + refused.problem().summary();
                }
                break;
            } else {
                BackendResult.Unreachable<MoveOutPage> u = (BackendResult.Unreachable<MoveOutPage>) result;
                problem = "move-out pull: " + u.reason() + ": " + u.detail();
                break;
            }
        }
        int purged = moveOuts.purgeExpired(today);
        if (!refusals.isEmpty() || problem != null || stored > 0 || purged > 0) {
            LOG.info("sync: move-out records stored {}, refused {} {}, purged {}{}", stored, refusals.size(),
                    refusals, purged, problem == null ? "" : "; " + problem);
        }
        return new Outcome(stored, List.copyOf(refusals), problem);
    }

    @Override
    public String pullAfterRegister(String problem) {
        return pull().problemOr(problem);
    }
}
