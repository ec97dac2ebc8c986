package dev.madoguchi.sync;

import dev.madoguchi.store.StoreSettings;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.outbox.OutboxRepository;
import dev.madoguchi.store.register.RegisterPullRepository;
import dev.madoguchi.sync.backend.BackendClient;
import dev.madoguchi.sync.backend.BackendResult;
import dev.madoguchi.sync.backend.RegisterPage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync engine (docs/adr/0012-sync-engine.md): one {@link #runOnce()} drains what is due from the outbox to the
 * backend in batches, in order per aggregate ({@link OutboxPush}), then pulls register changes. What the engine knows
 * of the backend between runs — answering, unreachable with backoff, refusing this terminal — is {@link BackendContact}.
 * Synchronous library code that starts no threads: the desktop app calls it repeatedly on its {@code sync} lane, the
 * command line in its main thread.
 *
 * <p>Memory stays bounded however long the backend is away: at most one batch or page is held, the outbox in the store
 * is the queue, and the in-memory state is a handful of fields.
 */
public final class SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    /** Settings key of the last time the backend answered (ISO instant). */
    public static final String LAST_SUCCESS_SETTING = "sync.lastSuccessAt";
    /** The backend's answer to a checkpoint it does not know (its database was replaced): pull from the start. */
    static final String UNKNOWN_CHECKPOINT = "API-400-CHECKPOINT";
    /**
     * The receipt number recorded for a shelter event another laptop delivered first: the event travelled by an
     * exchange file and has the same id everywhere (docs/adr/0026), so the backend holds it once.
     */
    public static final String DELIVERED_BY_PEER = "peer";

    private final OutboxRepository outbox;
    private final RegisterPullRepository register;
    private final BackendClient backend;
    private final SyncPolicy policy;
    private final Clock clock;
    private final BackendContact contact;
    private final OutboxPush push;

    private boolean recovered;
    private Instant nextPullAt;
    private final SyncTotals totals = new SyncTotals();
    private final List<FollowUpPull> followUps = new ArrayList<>();

    public SyncService(OutboxRepository outbox, RegisterPullRepository register, StoreSettings settings,
            BackendClient backend, SyncPolicy policy, String terminalId, Clock clock, RandomGenerator random) {
        this.outbox = outbox;
        this.register = register;
        this.backend = backend;
        this.policy = policy;
        this.clock = clock;
        Backoff backoff = new Backoff(policy.backoffBase(), policy.backoffCap(), random);
        this.contact = new BackendContact(settings, policy, backoff, totals);
        this.push = new OutboxPush(outbox, backend, policy, terminalId, clock, backoff, contact, totals);
    }

    /** Also runs {@code pull} (move-in records, the shelter list) each time the register pull has caught up. */
    public synchronized SyncService pullingAlso(FollowUpPull pull) {
        followUps.add(pull);
        return this;
    }

    public synchronized SyncTotals totals() {
        return totals;
    }

    /**
     * One pass: on the first call put messages a crash left SENDING back; unless backing off or paused, send due
     * messages in up to {@link SyncPolicy#maxBatchesPerRun()} batches, then pull register pages when the pull is due.
     */
    public synchronized SyncReport runOnce() {
        SyncRun run = new SyncRun();
        if (!recovered) {
            run.recovered = outbox.recoverInterrupted();
            totals.recovered += run.recovered;
            recovered = true;
            if (run.recovered > 0) {
                LOG.info("sync: {} messages left SENDING by an interrupted run are sent again", run.recovered);
            }
        }
        if (contact.due(clock.instant())) {
            boolean reachable = push.push(run);
            if (reachable) {
                pull(run);
            }
        }
        return report(run);
    }

    /** The status now (reads the outbox counts). */
    public synchronized SyncStatus status() {
        return contact.status(outbox.openCounts());
    }

    /** Forget the backoff and try at the next run (a person pressed "sync now", or the configuration changed). */
    public synchronized void tryNow() {
        contact.tryNow();
        nextPullAt = null;
    }

    private SyncReport report(SyncRun run) {
        SyncStatus status = status();
        Duration wait = contact.waitFrom(clock.instant());
        if (wait == null) {
            wait = run.moreDue ? Duration.ZERO : policy.idlePoll();
        }
        return new SyncReport(run.delivered, run.repeats, run.retried, run.blocked, run.recovered,
                run.registerChanges, run.moreDue, wait, status);
    }

    /** Pulls register pages from the checkpoint while due, then the follow-up pulls once the register caught up. */
    private void pull(SyncRun run) {
        Instant now = clock.instant();
        if (nextPullAt != null && now.isBefore(nextPullAt)) {
            return;
        }
        for (int p = 0; p < policy.maxPagesPerRun(); p++) {
            String since = register.checkpoint().orElse(null);
            BackendResult<RegisterPage> result = backend.registerChanges(since, policy.pageSize());
            now = clock.instant();
            if (result instanceof BackendResult.Success<RegisterPage> success) {
                contact.answered(now);
                RegisterPage page = success.body();
                if (!page.changes().isEmpty() || !page.checkpoint().equals(since)) {
                    try {
                        register.applyPage(page.changes(), page.checkpoint());
                    } catch (StoreException e) {
                        // nothing of the page was applied (one transaction); try it again at the next pull, and
                        // keep sending meanwhile (e.g. a 住民票コード the copy holds for another resident)
                        contact.problem("register page not applied: " + e.error().code());
                        LOG.warn("sync: a register page could not be applied: {}", e.getMessage());
                        nextPullAt = now.plus(policy.pullInterval());
                        return;
                    }
                }
                run.registerChanges += page.changes().size();
                totals.registerChanges += page.changes().size();
                if (!page.hasMore()) {
                    nextPullAt = now.plus(policy.pullInterval());
                    followUps.forEach(f -> contact.problem(f.pullAfterRegister(contact.problem())));
                    return;
                }
            } else if (result instanceof BackendResult.Refused<RegisterPage> refused) {
                Disposition d = Disposition.of(refused.status());
                if (d == Disposition.PAUSE) {
                    contact.refused(now, refused.status(), refused.problem());
                } else if (d == Disposition.BLOCK && UNKNOWN_CHECKPOINT.equals(refused.problem().code())
                        && since != null) {
                    LOG.warn("sync: the backend does not know the register checkpoint; pulling from the start");
                    register.resetCheckpoint();
                    continue;
                } else if (d == Disposition.BLOCK) {
                    contact.problem("register pull refused: " + refused.problem().summary());
                    LOG.warn("sync: {}", contact.problem());
                    nextPullAt = now.plus(policy.pullInterval());
                } else {
                    contact.failed(now, refused.problem().summary(), refused.retryAfter());
                }
                return;
            } else {
                BackendResult.Unreachable<RegisterPage> u = (BackendResult.Unreachable<RegisterPage>) result;
                contact.failed(now, u.reason() + ": " + u.detail(), null);
                return;
            }
        }
        run.moreDue = true;
    }
}
