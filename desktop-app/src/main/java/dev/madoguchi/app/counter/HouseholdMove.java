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
 * @param newHead for a 転入 from a 転出証明書 whose former 世帯主 does not move along: the 住民票コード of the mover the
 *        clerk chose as the 世帯主 of the household the movers form here, or null
 */
public record HouseholdMove(List<String> movers, String remainingHead, MoveInOrigin origin, String newHead) {

    /** Nothing chosen. */
    public static final HouseholdMove NONE = new HouseholdMove(List.of(), null, null);

    private static final String HEAD = "世帯主";

    public HouseholdMove {
        movers = List.copyOf(movers);
    }

    /** No new 世帯主 chosen (the head moves along, or no 転入). */
    public HouseholdMove(List<String> movers, String remainingHead, MoveInOrigin origin) {
        this(movers, remainingHead, origin, null);
    }

    /** Other movers; the chosen new 世帯主 is kept while they still move. */
    public HouseholdMove withMovers(List<String> codes, String head) {
        return new HouseholdMove(codes, head, origin, newHead != null && codes.contains(newHead) ? newHead : null);
    }

    /** The clerk's choice of the new household's 世帯主 among the movers of a 転入. */
    public HouseholdMove withNewHead(String code) {
        return new HouseholdMove(movers, remainingHead, origin, code);
    }

    /**
     * For a 転入 from a 転出証明書: who heads the household the movers form here — the former 世帯主 when they move
     * along (by 続柄, or by the certificate's 世帯主 name), the only mover when one moves, otherwise the mover the clerk
     * chose. Null for other events, or while the clerk has not chosen.
     *
     * @param event the visit's life event
     */
    public Mover newHouseholdHead(String event) {
        if (origin == null || !"tennyu".equals(event)) {
            return null;
        }
        List<Mover> moving = moversFromOrigin();
        Mover former = moving.stream().filter(this::formerHead).findFirst().orElse(null);
        if (former != null) {
            return former;
        }
        if (moving.size() == 1) {
            return moving.get(0);
        }
        return moving.stream().filter(m -> m.residentCode().equals(newHead)).findFirst().orElse(null);
    }

    /** A 転入 of two or more people from a 転出証明書 without its 世帯主: the clerk must name the new one. */
    public boolean needsNewHead(String event) {
        if (origin == null || !"tennyu".equals(event)) {
            return false;
        }
        List<Mover> moving = moversFromOrigin();
        return moving.size() > 1 && moving.stream().noneMatch(this::formerHead);
    }

    private boolean formerHead(Mover m) {
        // by 続柄, or by the certificate's 世帯主 written exactly so (spacing aside): a near match (a 代替文字 allowance)
        // would take 山田 太郎 for 山田 一郎
        return HEAD.equals(m.relationship()) || (origin.previousHead() != null
                && compact(origin.previousHead()).equals(compact(m.name())));
    }

    private static String compact(String name) {
        return name == null ? "" : name.replaceAll("[\\s\u3000]+", "");
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
                + ", origin=" + origin + ", newHead=" + (newHead != null) + "]";
    }
}
