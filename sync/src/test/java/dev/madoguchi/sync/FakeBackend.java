package dev.madoguchi.sync;

import dev.madoguchi.sync.backend.BackendClient;
import dev.madoguchi.sync.backend.BackendResult;
import dev.madoguchi.sync.backend.BatchItemResult;
import dev.madoguchi.sync.backend.Health;
import dev.madoguchi.sync.backend.OutgoingMessage;
import dev.madoguchi.sync.backend.Problem;
import dev.madoguchi.sync.backend.Receipt;
import dev.madoguchi.sync.backend.RegisterPage;
import dev.madoguchi.sync.backend.ResidentRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * An in-memory stand-in for the backend in the engine's unit tests (ordering, backoff, classification): it keeps what
 * it accepted by id like the real one (a repeat gets the first receipt) and answers from a script when told to. The
 * contract and fault tests use the real reference backend instead.
 */
class FakeBackend implements BackendClient {

    record Accepted(OutgoingMessage message, Receipt receipt) {}

    final Map<UUID, Accepted> accepted = new HashMap<>();
    final List<OutgoingMessage> arrivals = new ArrayList<>();
    /** Whole-call answers to give instead of processing, one per call. */
    final Deque<BackendResult<List<BatchItemResult>>> batchScript = new ArrayDeque<>();
    /** Per-item answers by id: a status to give (e.g. 422) instead of accepting. */
    final Map<UUID, Integer> itemStatus = new HashMap<>();
    /** Register pages to serve, by the since value (null key = from the start). */
    Function<String, BackendResult<RegisterPage>> register = since -> new BackendResult.Success<>(200,
            new RegisterPage(List.of(), since == null ? "0" : since, false));
    int batchCalls;
    int registerCalls;
    long nextReceipt = 1;

    @Override
    public BackendResult<List<BatchItemResult>> submitBatch(List<OutgoingMessage> messages) {
        batchCalls++;
        if (!batchScript.isEmpty()) {
            return batchScript.poll();
        }
        List<BatchItemResult> results = new ArrayList<>();
        for (OutgoingMessage m : messages) {
            Integer status = itemStatus.get(m.id());
            if (status != null) {
                results.add(new BatchItemResult(m.id(), status, null, new Problem("https://madoguchi.dev/problems/x",
                        "refused", status, "the test refused it",
                        status == 409 ? OutboxPush.IDEMPOTENCY_CONFLICT : "API-" + status + "-TEST", List.of())));
                continue;
            }
            results.add(accept(m));
        }
        return new BackendResult.Success<>(200, results);
    }

    private BatchItemResult accept(OutgoingMessage m) {
        arrivals.add(m);
        Accepted before = accepted.get(m.id());
        if (before != null) {
            return new BatchItemResult(m.id(), 200, before.receipt(), null);
        }
        Receipt receipt = new Receipt(m.id().toString(), Long.toString(nextReceipt++), "2026-12-01T10:00:00Z");
        accepted.put(m.id(), new Accepted(m, receipt));
        return new BatchItemResult(m.id(), 201, receipt, null);
    }

    @Override
    public BackendResult<Receipt> put(OutgoingMessage message) {
        BatchItemResult r = accept(message);
        return new BackendResult.Success<>(r.status(), r.receipt());
    }

    @Override
    public BackendResult<RegisterPage> registerChanges(String since, int limit) {
        registerCalls++;
        return register.apply(since);
    }

    @Override
    public BackendResult<ResidentRecord> resident(String residentCode) {
        return new BackendResult.Refused<>(404, Problem.of(404, "not found"), null);
    }

    @Override
    public BackendResult<Health> health() {
        return new BackendResult.Success<>(200, new Health("UP", "fake", "none"));
    }
}
