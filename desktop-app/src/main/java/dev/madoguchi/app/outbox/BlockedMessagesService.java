package dev.madoguchi.app.outbox;

import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.outbox.DiscardOutcome;
import dev.madoguchi.store.outbox.OutboxMessage;
import dev.madoguchi.store.outbox.OutboxStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * What a person does with BLOCKED messages in the desktop: list them, send one again, discard one with a reason,
 * write one to a file. Synchronous; the desktop calls it on the {@code sync} lane, so it never runs beside a sync
 * pass of the same store (ADR 0012). Every action is audited by the store.
 */
public final class BlockedMessagesService {

    /** At most this many are listed (a terminal with more has a systematic problem: the first ones show what). */
    static final int LIST_LIMIT = 500;

    private final StoreService stores;
    private final Runnable sendSoon;

    /**
     * @param sendSoon what makes the next sync pass call the backend even while the engine backs off (a person asked
     *                 for the message to go again; waiting minutes for an earlier failure's backoff would surprise them)
     */
    public BlockedMessagesService(StoreService stores, Runnable sendSoon) {
        this.stores = stores;
        this.sendSoon = sendSoon;
    }

    public BlockedMessagesService(StoreService stores) {
        this(stores, () -> { });
    }

    /** The BLOCKED messages, oldest first. */
    public List<BlockedMessage> list() {
        return store().outbox().withStatus(OutboxStatus.BLOCKED, LIST_LIMIT).stream().map(BlockedMessage::of).toList();
    }

    /** Sends the message again at the next sync pass, backoff or not (audited {@code SYNC_RETRY}). */
    public void retry(UUID id) {
        store().outbox().retry(id);
        sendSoon.run();
    }

    /** Gives the message up with a reason (audited {@code SYNC_DISCARD}); a case's last one cancels the case. */
    public DiscardOutcome discard(UUID id, String reason) {
        return store().outbox().discard(id, reason);
    }

    /** Writes the message, with its payload, to {@code file} (audited {@code EXPORT}); the path written. */
    public Path export(UUID id, Path file) throws IOException {
        OutboxMessage m = store().outbox().export(id, file.getFileName().toString());
        return OutboxMessageFile.write(m, file);
    }

    private LocalStore store() {
        return stores.store().orElseThrow(() -> new StoreException(StoreError.NO_STORE,
                "no clerk is signed in to a local store", null));
    }
}
