package dev.madoguchi.sync;

/**
 * A pull the sync engine runs each time the register pull has caught up (when the pull is due, every
 * {@link SyncPolicy#pullInterval()}): the pending move-in records, the shelter list. Synchronous, on the sync worker.
 */
public interface FollowUpPull {

    /**
     * Pulls and stores what is due.
     *
     * @param problem the problem the engine shows now, or null
     * @return the problem to show after this pull: its own, or {@code problem} when it had none
     */
    String pullAfterRegister(String problem);
}
