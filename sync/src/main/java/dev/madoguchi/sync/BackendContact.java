package dev.madoguchi.sync;

import dev.madoguchi.store.StoreSettings;
import dev.madoguchi.store.outbox.OutboxCounts;
import dev.madoguchi.sync.backend.Problem;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the sync engine knows of the backend between calls (docs/adr/0012-sync-engine.md): it answers, it is unreachable
 * since a moment and is tried again after a backoff (a {@code Retry-After} honoured up to a cap), or it refused this
 * terminal and sync pauses; the problem to show; the last time it answered, kept in the store's settings. Not
 * thread-safe: {@link SyncService} calls it under its own lock.
 */
final class BackendContact {

    private static final Logger LOG = LoggerFactory.getLogger(BackendContact.class);

    private final StoreSettings settings;
    private final SyncPolicy policy;
    private final Backoff backoff;
    private final SyncTotals totals;
    private int consecutiveFailures;
    private SyncState state = SyncState.STARTING;
    private Instant lastSuccessAt;
    private Instant unreachableSince;
    private Instant retryAt;
    private String lastProblem;

    BackendContact(StoreSettings settings, SyncPolicy policy, Backoff backoff, SyncTotals totals) {
        this.settings = settings;
        this.policy = policy;
        this.backoff = backoff;
        this.totals = totals;
        this.lastSuccessAt = settings.get(SyncService.LAST_SUCCESS_SETTING).map(SyncSettings::instantOrNull)
                .orElse(null);
    }

    /** Whether the backend may be called now (no backoff or pause running). */
    boolean due(Instant now) {
        return retryAt == null || !now.isBefore(retryAt);
    }

    /** How long until the backend may be called again; {@code null} when it may be now. */
    Duration waitFrom(Instant now) {
        return retryAt != null && now.isBefore(retryAt) ? Duration.between(now, retryAt) : null;
    }

    /** Forget the backoff: the next run calls the backend. */
    void tryNow() {
        retryAt = null;
    }

    SyncStatus status(OutboxCounts counts) {
        return new SyncStatus(state, counts.waiting() + counts.sending(), counts.blocked(), lastSuccessAt,
                state == SyncState.UNREACHABLE ? unreachableSince : null, retryAt, lastProblem);
    }

    String problem() {
        return lastProblem;
    }

    /** A problem to show that is not the backend's state (a register page not applied, a follow-up pull's). */
    void problem(String problem) {
        lastProblem = problem;
    }

    /** The backend answered: connected, the backoff forgotten, the time kept (at most once a second). */
    void answered(Instant now) {
        if (state != SyncState.CONNECTED && state != SyncState.STARTING) {
            LOG.info("sync: the backend answers again (was {} since {})", state, unreachableSince);
        }
        consecutiveFailures = 0;
        unreachableSince = null;
        retryAt = null;
        state = SyncState.CONNECTED;
        lastProblem = null;
        if (lastSuccessAt == null || Duration.between(lastSuccessAt, now).toSeconds() >= 1) {
            settings.put(SyncService.LAST_SUCCESS_SETTING, now.toString());
        }
        lastSuccessAt = now;
    }

    /** A failure retrying may fix: back off. @return when to try again */
    Instant failed(Instant now, String why, Duration retryAfter) {
        totals.failedCalls++;
        consecutiveFailures++;
        Duration wait = backoff.delay(consecutiveFailures);
        if (retryAfter != null) {
            Duration honoured = retryAfter.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : retryAfter;
            if (honoured.compareTo(wait) > 0) {
                wait = honoured;
            }
        }
        if (state != SyncState.UNREACHABLE) {
            LOG.info("sync: backend unreachable ({}); retrying with backoff", why);
            unreachableSince = now;
        } else {
            LOG.debug("sync: backend still unreachable ({}), failure {}", why, consecutiveFailures);
        }
        state = SyncState.UNREACHABLE;
        lastProblem = why;
        retryAt = now.plus(wait);
        return retryAt;
    }

    /** The backend refused this terminal (401: not authorised, 403: revoked): pause, ask again after a while. */
    void refused(Instant now, int status, Problem problem) {
        totals.failedCalls++;
        SyncState paused = status == 403 ? SyncState.REVOKED : SyncState.NOT_AUTHORISED;
        if (state != paused) {
            LOG.warn("sync paused: the backend refused this terminal ({})", problem.summary());
        }
        state = paused;
        unreachableSince = null;
        lastProblem = problem.summary();
        retryAt = now.plus(policy.pauseRetry());
    }
}
