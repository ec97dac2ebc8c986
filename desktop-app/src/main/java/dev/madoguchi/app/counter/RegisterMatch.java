package dev.madoguchi.app.counter;

import dev.madoguchi.store.moveout.MoveOutRecord;
import java.util.List;

/**
 * The candidates a register search found, best first. There is no "chosen" candidate: the clerk confirms one
 * explicitly (the match step's {@code confirmCandidate}), even when only one was found.
 *
 * @param byMyNumber whether the card's My Number was used (through the register's blind index)
 * @param moveOuts pending move-in records with a member whose 基本4情報 agree (for a 転入), best first
 */
public record RegisterMatch(List<MatchCandidate> candidates, boolean byMyNumber, List<MoveOutRecord> moveOuts) {

    public RegisterMatch {
        candidates = List.copyOf(candidates);
        moveOuts = List.copyOf(moveOuts);
    }

    public RegisterMatch(List<MatchCandidate> candidates, boolean byMyNumber) {
        this(candidates, byMyNumber, List.of());
    }

    public RegisterMatch withMoveOuts(List<MoveOutRecord> found) {
        return new RegisterMatch(candidates, byMyNumber, found);
    }

    /** More than one candidate: the clerk must tell them apart. */
    public boolean ambiguous() {
        return candidates.size() > 1;
    }

    public boolean empty() {
        return candidates.isEmpty();
    }
}
