package dev.madoguchi.app.outbox;

import dev.madoguchi.store.outbox.OutboxMessage;
import java.time.Instant;
import java.util.UUID;

/**
 * A BLOCKED outbox message as the desktop shows it: what it is, whose, when, and the backend's problem — never its
 * payload (which holds personal data).
 *
 * @param problemCode the stable code of the backend's problem ({@code API-4xx-…}) or of a local refusal
 * @param problem the problem in one line: status, code, title, detail and refused fields, as the backend wrote them
 */
public record BlockedMessage(UUID id, String aggregateType, String aggregateId, long sequence, String kind,
        Instant recordedAt, int attempts, String problemCode, String problem) {

    static BlockedMessage of(OutboxMessage m) {
        return new BlockedMessage(m.id(), m.aggregateType(), m.aggregateId(), m.aggregateSeq(), m.kind(),
                m.createdAt(), m.attempts(), m.problemCode(), m.lastError());
    }
}
