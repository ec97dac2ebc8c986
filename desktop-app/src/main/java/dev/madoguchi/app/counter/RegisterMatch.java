package dev.madoguchi.app.counter;

import java.util.List;

/**
 * The candidates a register search found, best first. There is no "chosen" candidate: the clerk confirms one
 * explicitly (the match step's {@code confirmCandidate}), even when only one was found.
 *
 * @param byMyNumber whether the card's My Number was used (through the register's blind index)
 */
public record RegisterMatch(List<MatchCandidate> candidates, boolean byMyNumber) {

    public RegisterMatch {
        candidates = List.copyOf(candidates);
    }

    /** More than one candidate: the clerk must tell them apart. */
    public boolean ambiguous() {
        return candidates.size() > 1;
    }

    public boolean empty() {
        return candidates.isEmpty();
    }
}
