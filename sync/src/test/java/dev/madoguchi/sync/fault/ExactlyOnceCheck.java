package dev.madoguchi.sync.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.madoguchi.backend.submission.Resource;
import dev.madoguchi.backend.submission.StoredSubmission;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.cases.CaseRepository;
import dev.madoguchi.store.outbox.OutboxCounts;
import dev.madoguchi.store.outbox.OutboxMessage;
import dev.madoguchi.store.outbox.OutboxStatus;
import dev.madoguchi.sync.BackendFixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The fault tests' verdict: every operation on the backend exactly once (by id and by content), none lost locally, the
 * outbox empty (all DONE), the audit chain valid.
 */
final class ExactlyOnceCheck {

    private ExactlyOnceCheck() {
    }

    /** @return how many submissions the backend holds */
    static int verify(LocalStore store, BackendFixture backend, int operations) throws Exception {
        OutboxCounts counts = store.outbox().counts();
        assertThat(counts.unfinished()).as("outbox unfinished").isZero();
        assertThat(counts.discarded()).as("discarded").isZero();
        assertThat(counts.done()).as("local operations, all DONE").isEqualTo(operations);
        List<OutboxMessage> local = store.outbox().withStatus(OutboxStatus.DONE, operations + 1);
        assertThat(local).hasSize(operations);

        List<StoredSubmission> stored = new ArrayList<>(backend.stored(Resource.APPLICATIONS));
        stored.addAll(backend.stored(Resource.EVACUEE_EVENTS));
        assertThat(stored).as("submissions on the backend").hasSize(operations);

        Map<UUID, StoredSubmission> byId = new HashMap<>();
        Set<String> byContent = new HashSet<>();
        Set<String> byAggregateSeq = new HashSet<>();
        ObjectMapper mapper = new ObjectMapper();
        for (StoredSubmission s : stored) {
            assertThat(byId.put(s.id(), s)).as("id stored twice: " + s.id()).isNull();
            String content = s.resource() + "|" + s.aggregateId() + "|" + s.sequence() + "|" + s.kind() + "|"
                    + mapper.readTree(s.payloadJson());
            assertThat(byContent.add(content)).as("content stored twice").isTrue();
            assertThat(byAggregateSeq.add(s.resource() + "|" + s.aggregateId() + "#" + s.sequence()))
                    .as("aggregate sequence stored twice").isTrue();
        }
        for (OutboxMessage m : local) {
            StoredSubmission s = byId.get(m.id());
            assertThat(s).as("local message " + m.id() + " on the backend").isNotNull();
            assertThat(s.aggregateId()).isEqualTo(m.aggregateId());
            assertThat(s.sequence()).isEqualTo(m.aggregateSeq());
            assertThat(s.kind()).isEqualTo(m.kind());
            assertThat(mapper.readTree(s.payloadJson())).isEqualTo(mapper.readTree(m.payload()));
            assertThat(s.resource()).isEqualTo(CaseRepository.AGGREGATE.equals(m.aggregateType())
                    ? Resource.APPLICATIONS : Resource.EVACUEE_EVENTS);
            assertThat(Long.toString(s.receiptNumber())).as("the receipt kept locally").isEqualTo(m.receiptNumber());
        }
        assertThat(store.audit().verify().intact()).as("audit chain").isTrue();
        return stored.size();
    }
}
