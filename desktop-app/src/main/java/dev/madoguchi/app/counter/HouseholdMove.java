package dev.madoguchi.app.counter;

import dev.madoguchi.store.register.RegisterResident;
import java.util.List;

/**
 * Who moves together in a 転入, 転居 or 転出, as the clerk chose in the plan step: the movers by 住民票コード (the person
 * at the counter first, then in the household's order), the 世帯主 named for the household that stays when its head
 * leaves, and for a 転入 the 転出証明書 it is made from ({@link MoveInOrigin}: a pulled move-out record or a typed
 * paper certificate, with its members' data, so that a resumed draft has the rows). Register members are named by
 * code only: their data stays in the register.
 *
 * @param movers 住民票コード of everyone who moves; empty when the event is not a move or nobody was chosen yet
 * @param remainingHead the 住民票コード of the new 世帯主 of the members who stay, or null
 * @param origin the 転出証明書 a 転入 is made from, or null
 */
public record HouseholdMove(List<String> movers, String remainingHead, MoveInOrigin origin) {

    /** Nothing chosen. */
    public static final HouseholdMove NONE = new HouseholdMove(List.of(), null, null);

    public HouseholdMove {
        movers = List.copyOf(movers);
    }

    public HouseholdMove withMovers(List<String> codes, String head) {
        return new HouseholdMove(codes, head, origin);
    }

    /** The chosen movers among these register members, in the order chosen. */
    public List<Mover> moversFrom(List<RegisterResident> household) {
        return movers.stream().flatMap(code -> household.stream().filter(m -> m.residentCode().equals(code))
                .findFirst().map(Mover::of).stream()).toList();
    }

    /** The chosen movers from the 転出証明書, in the order chosen (empty without one). */
    public List<Mover> moversFromOrigin() {
        if (origin == null) {
            return List.of();
        }
        return movers.stream().flatMap(code -> origin.members().stream().filter(m -> m.residentCode().equals(code))
                .findFirst().stream()).toList();
    }

    /** The pending move-in record's id, or null (none, or typed from paper). */
    public String moveOutId() {
        return origin == null ? null : origin.recordId();
    }

    /** 住民票コード are personal identifiers: counts only. */
    @Override
    public String toString() {
        return "HouseholdMove[movers=" + movers.size() + ", remainingHead=" + (remainingHead != null)
                + ", origin=" + origin + "]";
    }
}
