package dev.madoguchi.store.outbox;

/**
 * How many outbox messages are in each state.
 *
 * @param waiting PENDING (incl. messages waiting behind a BLOCKED one of the same aggregate)
 * @param sending SENDING (a crash left them, or a round is under way)
 * @param blocked BLOCKED: wait for a person
 * @param done delivered
 * @param discarded discarded by a person (counted in neither {@code done} nor {@code waiting})
 */
public record OutboxCounts(long waiting, long sending, long blocked, long done, long discarded) {

    /** Messages not yet delivered and not discarded. */
    public long unfinished() {
        return waiting + sending + blocked;
    }
}
