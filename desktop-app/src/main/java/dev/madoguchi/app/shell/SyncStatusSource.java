package dev.madoguchi.app.shell;

import dev.madoguchi.sync.SyncState;
import dev.madoguchi.sync.SyncStatus;

/** One sync pass and its status; runs on the sync lane ({@code SyncWorker::runOnce} in the application). */
@FunctionalInterface
public interface SyncStatusSource {

    /** No sync in this window (tests, tools). */
    SyncStatusSource NONE = () -> new SyncStatus(SyncState.NOT_CONFIGURED, 0, 0, null, null, null, null);

    SyncStatus runOnce();
}
