package dev.madoguchi.app.counter;

import dev.madoguchi.store.register.RegisterResident;
import java.util.List;

/**
 * Who moves together in a 転入, 転居 or 転出, as the clerk chose in the plan step: the movers by 住民票コード (the person
 * at the counter first, then in the household's order), the 世帯主 named for the household that stays when its head
 * leaves, and the move-out record (転出証明書情報) a 転入 was matched with. Codes and ids only: names stay in the
 * register and the move-out records.
 *
 * @param movers 住民票コード of everyone who moves; empty when the event is not a move or nobody was chosen yet
 * @param remainingHead the 住民票コード of the new 世帯主 of the members who stay, or null
 * @param moveOutId the pending move-in record the card matched (a 転入), or null
 */
public record HouseholdMove(List<String> movers, String remainingHead, String moveOutId) {

    /** Nothing chosen. */
    public static final HouseholdMove NONE = new HouseholdMove(List.of(), null, null);

    public HouseholdMove {
        movers = List.copyOf(movers);
    }

    public HouseholdMove withMovers(List<String> codes, String head) {
        return new HouseholdMove(codes, head, moveOutId);
    }

    /** The chosen movers among these register members, in the order chosen. */
    public List<Mover> moversFrom(List<RegisterResident> household) {
        return movers.stream().flatMap(code -> household.stream().filter(m -> m.residentCode().equals(code))
                .findFirst().map(Mover::of).stream()).toList();
    }

    public HouseholdMove withMoveOut(String id) {
        return new HouseholdMove(movers, remainingHead, id);
    }

    /** 住民票コード are personal identifiers: counts only. */
    @Override
    public String toString() {
        return "HouseholdMove[movers=" + movers.size() + ", remainingHead=" + (remainingHead != null)
                + ", moveOut=" + (moveOutId != null) + "]";
    }
}
