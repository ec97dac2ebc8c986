package dev.madoguchi.sync;

import java.time.Instant;

/**
 * A snapshot the UI shows in words, e.g. "3 件送信待ち・最終同期 10:42・10:45 からバックエンドに接続できません".
 *
 * @param waiting messages not delivered yet (PENDING and SENDING, incl. those held behind a BLOCKED one)
 * @param blocked messages waiting for a person (retry / discard / export)
 * @param lastSuccessAt the last time the backend answered (kept in the store across restarts), or null
 * @param unreachableSince since when the backend has not answered, while {@link SyncState#UNREACHABLE}
 * @param nextAttemptAt when the engine tries again while backing off or paused, else null
 * @param lastProblem one line about the last failure (no personal data), or null
 */
public record SyncStatus(SyncState state, long waiting, long blocked, Instant lastSuccessAt, Instant unreachableSince,
        Instant nextAttemptAt, String lastProblem) {

    public static SyncStatus notConfigured(long waiting, long blocked, Instant lastSuccessAt) {
        return new SyncStatus(SyncState.NOT_CONFIGURED, waiting, blocked, lastSuccessAt, null, null, null);
    }
}
