package dev.madoguchi.app.counter;

import dev.madoguchi.store.register.RegisterResident;
import java.util.List;
import java.util.Optional;

/**
 * A resident of the register copy who may be the person at the counter, with the comparison of each field. Shown to
 * the clerk side by side; the clerk confirms one, the program never does.
 */
public record MatchCandidate(RegisterResident resident, List<FieldComparison> comparisons) {

    public MatchCandidate {
        comparisons = List.copyOf(comparisons);
    }

    public Optional<FieldComparison> comparison(MatchField field) {
        return comparisons.stream().filter(c -> c.field() == field).findFirst();
    }

    public FieldMatch match(MatchField field) {
        return comparison(field).map(FieldComparison::match).orElse(FieldMatch.NOT_COMPARED);
    }

    /** Whether any compared field differs or holds a 代替文字 difference. */
    public boolean hasFlags() {
        return comparisons.stream().anyMatch(FieldComparison::flagged);
    }

    /** How many fields agree; orders the candidates (My Number first), never picks one. */
    int score() {
        int score = 0;
        for (FieldComparison c : comparisons) {
            if (c.match().agrees()) {
                score += c.field() == MatchField.MY_NUMBER ? 10 : c.match() == FieldMatch.SUBSTITUTE_CHARACTERS ? 1 : 2;
            }
        }
        return score;
    }

    @Override
    public String toString() {
        return "MatchCandidate[" + resident.residentId() + ", " + comparisons + "]";
    }
}
