package dev.madoguchi.sync;

import dev.madoguchi.store.outbox.DeliveryOutcome;
import dev.madoguchi.store.outbox.OutboxMessage;
import dev.madoguchi.store.outbox.OutboxRepository;
import dev.madoguchi.store.shelter.ShelterRepository;
import dev.madoguchi.sync.backend.BackendClient;
import dev.madoguchi.sync.backend.BackendJson;
import dev.madoguchi.sync.backend.BackendResult;
import dev.madoguchi.sync.backend.BatchItemResult;
import dev.madoguchi.sync.backend.OutgoingMessage;
import dev.madoguchi.sync.backend.Problem;
import dev.madoguchi.sync.backend.Resource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push half of the sync engine (docs/adr/0012-sync-engine.md): claims what is due from the outbox in batches (in
 * order per aggregate, each request under the body limit), sends them, and records each message's outcome from the
 * backend's answer — delivered, repeated, retried later with backoff, blocked, or not sent because the terminal was
 * refused. A refused batch is halved until the message that breaks it is alone. Not thread-safe: {@link SyncService}
 * calls it under its own lock.
 */
final class OutboxPush {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPush.class);
    /** A batch request stays below the contract's 1 MiB body limit (the reference backend allows 8 MiB). */
    static final long MAX_BATCH_BYTES = 900L * 1024;
    static final String IDEMPOTENCY_CONFLICT = "API-409-IDEMPOTENCY-CONFLICT";

    private final OutboxRepository outbox;
    private final BackendClient backend;
    private final SyncPolicy policy;
    private final String terminalId;
    private final Clock clock;
    private final Backoff backoff;
    private final BackendContact contact;
    private final SyncTotals totals;
    private final BackendJson json = new BackendJson();
    private int batchSize;

    OutboxPush(OutboxRepository outbox, BackendClient backend, SyncPolicy policy, String terminalId, Clock clock,
            Backoff backoff, BackendContact contact, SyncTotals totals) {
        this.outbox = outbox;
        this.backend = backend;
        this.policy = policy;
        this.terminalId = terminalId;
        this.clock = clock;
        this.backoff = backoff;
        this.contact = contact;
        this.totals = totals;
        this.batchSize = policy.batchSize();
    }

    /** @return false when the backend did not answer or refused the terminal (stop for this run) */
    boolean push(SyncRun run) {
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
            Map<UUID, OutboxMessage> byId, List<DeliveryOutcome> outcomes, SyncRun run) {
        Instant now = clock.instant();
        if (result instanceof BackendResult.Success<List<BatchItemResult>> success) {
            contact.answered(now);
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
                            outcomes.add(new DeliveryOutcome.Delivered(m.id(), SyncService.DELIVERED_BY_PEER,
                                    now.toString()));
                            run.repeats++;
                            totals.repeats++;
                        } else {
                            outcomes.add(blocked(run, m.id(), problem.codeOrStatus(), problem.summary()));
                        }
                    }
                    case PAUSE -> {
                        paused = true;
                        outcomes.add(new DeliveryOutcome.NotSent(m.id(), now));
                        contact.refused(now, r.status(), problem);
                    }
                }
            }
            return !paused;
        }
        if (result instanceof BackendResult.Refused<List<BatchItemResult>> refused) {
            Problem problem = refused.problem();
            switch (Disposition.of(refused.status())) {
                case PAUSE -> {
                    contact.refused(now, refused.status(), problem);
                    send.forEach(m -> outcomes.add(new DeliveryOutcome.NotSent(m.id(), now)));
                    return false;
                }
                case BLOCK -> {
                    contact.answered(now);
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
                    Instant at = contact.failed(now, problem.summary(), refused.retryAfter());
                    send.forEach(m -> outcomes.add(retry(run, m.id(), problem.summary(), at)));
                    return false;
                }
            }
        }
        BackendResult.Unreachable<List<BatchItemResult>> unreachable =
                (BackendResult.Unreachable<List<BatchItemResult>>) result;
        String why = unreachable.reason() + ": " + unreachable.detail();
        Instant at = contact.failed(now, why, null);
        send.forEach(m -> outcomes.add(retry(run, m.id(), why, at)));
        return false;
    }

    private DeliveryOutcome retry(SyncRun run, UUID id, String why, Instant at) {
        run.retried++;
        totals.retried++;
        return new DeliveryOutcome.RetryLater(id, why, at);
    }

    private DeliveryOutcome blocked(SyncRun run, UUID id, String code, String detail) {
        run.blocked++;
        totals.blocked++;
        LOG.warn("sync: message {} BLOCKED: {} {}", id, code, detail);
        return new DeliveryOutcome.Blocked(id, code, detail);
    }
}
