package dev.madoguchi.sync;

import dev.madoguchi.store.StoreSettings;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.outbox.DeliveryOutcome;
import dev.madoguchi.store.outbox.OutboxCounts;
import dev.madoguchi.store.outbox.OutboxMessage;
import dev.madoguchi.store.outbox.OutboxRepository;
import dev.madoguchi.store.register.RegisterPullRepository;
import dev.madoguchi.sync.backend.BackendClient;
import dev.madoguchi.sync.backend.BackendJson;
import dev.madoguchi.sync.backend.BackendResult;
import dev.madoguchi.sync.backend.BatchItemResult;
import dev.madoguchi.sync.backend.OutgoingMessage;
import dev.madoguchi.sync.backend.Problem;
import dev.madoguchi.sync.backend.RegisterPage;
import dev.madoguchi.store.shelter.ShelterRepository;
import dev.madoguchi.sync.backend.Resource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync engine (docs/adr/0012-sync-engine.md): one {@link #runOnce()} drains what is due from the outbox to the
 * backend in batches, in order per aggregate, then pulls register changes. Synchronous library code that starts no
 * threads: the desktop app calls it repeatedly on its {@code sync} lane, the command line in its main thread.
 *
 * <p>Memory stays bounded however long the backend is away: at most one batch or page is held, the outbox in the store
 * is the queue, and the in-memory state is a handful of fields.
 */
public final class SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    /** Settings key of the last time the backend answered (ISO instant). */
    public static final String LAST_SUCCESS_SETTING = "sync.lastSuccessAt";
    /** A batch request stays below the contract's 1 MiB body limit (the reference backend allows 8 MiB). */
    static final long MAX_BATCH_BYTES = 900L * 1024;
    /** The backend's answer to a checkpoint it does not know (its database was replaced): pull from the start. */
    static final String UNKNOWN_CHECKPOINT = "API-400-CHECKPOINT";
    static final String IDEMPOTENCY_CONFLICT = "API-409-IDEMPOTENCY-CONFLICT";
    /**
     * The receipt number recorded for a shelter event another laptop delivered first: the event travelled by an
     * exchange file and has the same id everywhere (docs/adr/0026), so the backend holds it once.
     */
    public static final String DELIVERED_BY_PEER = "peer";

    private final OutboxRepository outbox;
    private final RegisterPullRepository register;
    private final StoreSettings settings;
    private final BackendClient backend;
    private final SyncPolicy policy;
    private final String terminalId;
    private final Clock clock;
    private final Backoff backoff;
    private final BackendJson json = new BackendJson();

    private boolean recovered;
    private int batchSize;
    private int consecutiveFailures;
    private SyncState state = SyncState.STARTING;
    private Instant lastSuccessAt;
    private Instant unreachableSince;
    private Instant retryAt;
    private Instant nextPullAt;
    private String lastProblem;
    private final SyncTotals totals = new SyncTotals();
    private final List<FollowUpPull> followUps = new ArrayList<>();

    public SyncService(OutboxRepository outbox, RegisterPullRepository register, StoreSettings settings,
            BackendClient backend, SyncPolicy policy, String terminalId, Clock clock, RandomGenerator random) {
        this.outbox = outbox;
        this.register = register;
        this.settings = settings;
        this.backend = backend;
        this.policy = policy;
        this.terminalId = terminalId;
        this.clock = clock;
        this.backoff = new Backoff(policy.backoffBase(), policy.backoffCap(), random);
        this.batchSize = policy.batchSize();
        this.lastSuccessAt = settings.get(LAST_SUCCESS_SETTING).map(SyncSettings::instantOrNull).orElse(null);
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
        Run run = new Run();
        if (!recovered) {
            run.recovered = outbox.recoverInterrupted();
            totals.recovered += run.recovered;
            recovered = true;
            if (run.recovered > 0) {
                LOG.info("sync: {} messages left SENDING by an interrupted run are sent again", run.recovered);
            }
        }
        Instant now = clock.instant();
        if (retryAt == null || !now.isBefore(retryAt)) {
            boolean reachable = push(run);
            if (reachable) {
                pull(run);
            }
        }
        return report(run);
    }

    /** The status now (reads the outbox counts). */
    public synchronized SyncStatus status() {
        OutboxCounts counts = outbox.openCounts();
        return new SyncStatus(state, counts.waiting() + counts.sending(), counts.blocked(), lastSuccessAt,
                state == SyncState.UNREACHABLE ? unreachableSince : null, retryAt, lastProblem);
    }

    /** Forget the backoff and try at the next run (a person pressed "sync now", or the configuration changed). */
    public synchronized void tryNow() {
        retryAt = null;
        nextPullAt = null;
    }

    private static final class Run {
        int delivered;
        int repeats;
        int retried;
        int blocked;
        int recovered;
        int registerChanges;
        boolean moreDue;
    }

    private SyncReport report(Run run) {
        SyncStatus status = status();
        Instant now = clock.instant();
        Duration wait;
        if (retryAt != null && now.isBefore(retryAt)) {
            wait = Duration.between(now, retryAt);
        } else if (run.moreDue) {
            wait = Duration.ZERO;
        } else {
            wait = policy.idlePoll();
        }
        return new SyncReport(run.delivered, run.repeats, run.retried, run.blocked, run.recovered,
                run.registerChanges, run.moreDue, wait, status);
    }

    /** @return false when the backend did not answer or refused the terminal (stop for this run) */
    private boolean push(Run run) {
        for (int b = 0; b < policy.maxBatchesPerRun(); b++) {
            long t0 = System.nanoTime();
            List<OutboxMessage> batch = outbox.claimBatch(batchSize, policy.perAggregate());
            totals.claimNanos += System.nanoTime() - t0;
            if (batch.isEmpty()) {
                return true;
            }
            List<DeliveryOutcome> outcomes = new ArrayList<>(batch.size());
            List<OutgoingMessage> send = new ArrayList<>(batch.size());
            Map<UUID, OutboxMessage> byId = new HashMap<>();
            long bytes = 0;
            for (OutboxMessage m : batch) {
                bytes += m.payload().length() * 3L + 400; // UTF-8 upper bound + envelope
                if (!send.isEmpty() && bytes > MAX_BATCH_BYTES) {
                    // keep the request under the backend's 1 MiB body limit; the rest goes in the next batch
                    outcomes.add(new DeliveryOutcome.NotSent(m.id(), clock.instant()));
                    continue;
                }
                Resource resource = Resource.ofAggregate(m.aggregateType());
                if (resource == null) {
                    outcomes.add(blocked(run, m.id(), "LOCAL-UNKNOWN-AGGREGATE",
                            "no backend resource for aggregate type " + m.aggregateType()));
                    continue;
                }
                try {
                    send.add(new OutgoingMessage(m.id(), resource, m.aggregateId(), m.aggregateSeq(), m.kind(),
                            terminalId, m.createdAt(), json.payload(m.payload())));
                    byId.put(m.id(), m);
                } catch (BackendJson.BadAnswerException e) {
                    outcomes.add(blocked(run, m.id(), "LOCAL-PAYLOAD", e.getMessage()));
                }
            }
            boolean goOn = true;
            if (!send.isEmpty()) {
                totals.batches++;
                long t1 = System.nanoTime();
                BackendResult<List<BatchItemResult>> answer = backend.submitBatch(send);
                totals.sendNanos += System.nanoTime() - t1;
                goOn = handle(answer, send, byId, outcomes, run);
            }
            long t2 = System.nanoTime();
            outbox.complete(outcomes);
            totals.recordNanos += System.nanoTime() - t2;
            if (!goOn) {
                return false;
            }
            if (b == policy.maxBatchesPerRun() - 1) {
                run.moreDue = true;
            }
        }
        return true;
    }

    private boolean handle(BackendResult<List<BatchItemResult>> result, List<OutgoingMessage> send,
            Map<UUID, OutboxMessage> byId, List<DeliveryOutcome> outcomes, Run run) {
        Instant now = clock.instant();
        if (result instanceof BackendResult.Success<List<BatchItemResult>> success) {
            contact(now);
            batchSize = Math.min(policy.batchSize(), batchSize * 2);
            Map<UUID, BatchItemResult> answers = new HashMap<>();
            for (BatchItemResult r : success.body()) {
                answers.put(r.id(), r);
            }
            boolean paused = false;
            for (OutgoingMessage m : send) {
                BatchItemResult r = answers.get(m.id());
                int attempts = byId.get(m.id()).attempts();
                if (r == null) {
                    outcomes.add(retry(run, m.id(), "the batch answer has no result for this item",
                            now.plus(backoff.delay(attempts))));
                    continue;
                }
                Problem problem = r.problem() == null ? Problem.of(r.status(), "HTTP " + r.status()) : r.problem();
                switch (Disposition.of(r.status())) {
                    case DELIVERED -> {
                        if (r.receipt() == null) {
                            outcomes.add(retry(run, m.id(), "accepted without a receipt",
                                    now.plus(backoff.delay(attempts))));
                        } else {
                            outcomes.add(new DeliveryOutcome.Delivered(m.id(), r.receipt().receiptNumber(),
                                    r.receipt().receivedAt()));
                            if (r.status() == 200) {
                                run.repeats++;
                                totals.repeats++;
                            } else {
                                run.delivered++;
                                totals.delivered++;
                            }
                        }
                    }
                    case RETRY -> outcomes.add(retry(run, m.id(), problem.summary(),
                            now.plus(backoff.delay(attempts))));
                    case BLOCK -> {
                        if (r.status() == 409 && IDEMPOTENCY_CONFLICT.equals(problem.code())
                                && ShelterRepository.AGGREGATE.equals(byId.get(m.id()).aggregateType())) {
                            outcomes.add(new DeliveryOutcome.Delivered(m.id(), DELIVERED_BY_PEER, now.toString()));
                            run.repeats++;
                            totals.repeats++;
                        } else {
                            outcomes.add(blocked(run, m.id(), problem.codeOrStatus(), problem.summary()));
                        }
                    }
                    case PAUSE -> {
                        paused = true;
                        outcomes.add(new DeliveryOutcome.NotSent(m.id(), now));
                        pause(now, r.status(), problem);
                    }
                }
            }
            return !paused;
        }
        if (result instanceof BackendResult.Refused<List<BatchItemResult>> refused) {
            Problem problem = refused.problem();
            switch (Disposition.of(refused.status())) {
                case PAUSE -> {
                    pause(now, refused.status(), problem);
                    send.forEach(m -> outcomes.add(new DeliveryOutcome.NotSent(m.id(), now)));
                    return false;
                }
                case BLOCK -> {
                    contact(now);
                    if (send.size() > 1) {
                        // the batch as a whole was refused (e.g. 413, or one item broke the envelope): halve it, so
                        // the offending message ends up alone and is blocked by itself
                        batchSize = Math.max(1, send.size() / 2);
                        send.forEach(m -> outcomes.add(new DeliveryOutcome.NotSent(m.id(), now)));
                    } else {
                        outcomes.add(blocked(run, send.get(0).id(), problem.codeOrStatus(), problem.summary()));
                    }
                    return true;
                }
                default -> {
                    Instant at = failure(now, problem.summary(), refused.retryAfter());
                    send.forEach(m -> outcomes.add(retry(run, m.id(), problem.summary(), at)));
                    return false;
                }
            }
        }
        BackendResult.Unreachable<List<BatchItemResult>> unreachable =
                (BackendResult.Unreachable<List<BatchItemResult>>) result;
        String why = unreachable.reason() + ": " + unreachable.detail();
        Instant at = failure(now, why, null);
        send.forEach(m -> outcomes.add(retry(run, m.id(), why, at)));
        return false;
    }

    private void pull(Run run) {
        Instant now = clock.instant();
        if (nextPullAt != null && now.isBefore(nextPullAt)) {
            return;
        }
        for (int p = 0; p < policy.maxPagesPerRun(); p++) {
            String since = register.checkpoint().orElse(null);
            BackendResult<RegisterPage> result = backend.registerChanges(since, policy.pageSize());
            now = clock.instant();
            if (result instanceof BackendResult.Success<RegisterPage> success) {
                contact(now);
                RegisterPage page = success.body();
                if (!page.changes().isEmpty() || !page.checkpoint().equals(since)) {
                    try {
                        register.applyPage(page.changes(), page.checkpoint());
                    } catch (StoreException e) {
                        // nothing of the page was applied (one transaction); try it again at the next pull, and
                        // keep sending meanwhile (e.g. a 住民票コード the copy holds for another resident)
                        lastProblem = "register page not applied: " + e.error().code();
                        LOG.warn("sync: a register page could not be applied: {}", e.getMessage());
                        nextPullAt = now.plus(policy.pullInterval());
                        return;
                    }
                }
                run.registerChanges += page.changes().size();
                totals.registerChanges += page.changes().size();
                if (!page.hasMore()) {
                    nextPullAt = now.plus(policy.pullInterval());
                    followUps.forEach(f -> lastProblem = f.pullAfterRegister(lastProblem));
                    return;
                }
            } else if (result instanceof BackendResult.Refused<RegisterPage> refused) {
                Disposition d = Disposition.of(refused.status());
                if (d == Disposition.PAUSE) {
                    pause(now, refused.status(), refused.problem());
                } else if (d == Disposition.BLOCK && UNKNOWN_CHECKPOINT.equals(refused.problem().code())
                        && since != null) {
                    LOG.warn("sync: the backend does not know the register checkpoint; pulling from the start");
                    register.resetCheckpoint();
                    continue;
                } else if (d == Disposition.BLOCK) {
                    lastProblem = "register pull refused: " + refused.problem().summary();
                    LOG.warn("sync: {}", lastProblem);
                    nextPullAt = now.plus(policy.pullInterval());
                } else {
                    failure(now, refused.problem().summary(), refused.retryAfter());
                }
                return;
            } else {
                BackendResult.Unreachable<RegisterPage> u = (BackendResult.Unreachable<RegisterPage>) result;
                failure(now, u.reason() + ": " + u.detail(), null);
                return;
            }
        }
        run.moreDue = true;
    }

    private DeliveryOutcome retry(Run run, UUID id, String why, Instant at) {
        run.retried++;
        totals.retried++;
        return new DeliveryOutcome.RetryLater(id, why, at);
    }

    private DeliveryOutcome blocked(Run run, UUID id, String code, String detail) {
        run.blocked++;
        totals.blocked++;
        LOG.warn("sync: message {} BLOCKED: {} {}", id, code, detail);
        return new DeliveryOutcome.Blocked(id, code, detail);
    }

    private void contact(Instant now) {
        if (state != SyncState.CONNECTED && state != SyncState.STARTING) {
            LOG.info("sync: the backend answers again (was {} since {})", state, unreachableSince);
        }
        consecutiveFailures = 0;
        unreachableSince = null;
        retryAt = null;
        state = SyncState.CONNECTED;
        lastProblem = null;
        if (lastSuccessAt == null || Duration.between(lastSuccessAt, now).toSeconds() >= 1) {
            settings.put(LAST_SUCCESS_SETTING, now.toString());
        }
        lastSuccessAt = now;
    }

    /** A failure retrying may fix: back off. @return when to try again */
    private Instant failure(Instant now, String why, Duration retryAfter) {
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

    private void pause(Instant now, int status, Problem problem) {
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
