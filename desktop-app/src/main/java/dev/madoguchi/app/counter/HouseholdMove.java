package dev.madoguchi.app.counter;

import dev.madoguchi.store.register.RegisterResident;
import java.util.List;
import java.util.Map;

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
 * @param newHead for a 転入 from a 転出証明書, or a 転居 of part of a register household, whose former 世帯主 does not
 *        move along: the 住民票コード of the mover the clerk chose as the 世帯主 of the household the movers form here,
 *        or null
 * @param relationships the 続柄 the clerk typed, by 住民票コード: to the new 世帯主 for the movers whose 続柄 the
 *        register does not decide ({@link RelationshipToNewHead}), or, when the movers join a household, every
 *        mover's 続柄 to its 世帯主; empty when none is needed
 * @param joinHead when the movers join a household that exists here (世帯合併, a 転入 or a 転居): the name of its
 *        世帯主 as the clerk typed it ({@code ""} while not typed yet); null when the movers form their own household
 */
public record HouseholdMove(List<String> movers, String remainingHead, MoveInOrigin origin, String newHead,
        Map<String, String> relationships, String joinHead) {

    /** Nothing chosen. */
    public static final HouseholdMove NONE = new HouseholdMove(List.of(), null, null);

    private static final String HEAD = "世帯主";

    public HouseholdMove {
        movers = List.copyOf(movers);
        relationships = relationships == null ? Map.of() : Map.copyOf(relationships);
        joinHead = joinHead == null ? null : joinHead.strip();
    }

    /** The movers form their own household (no 世帯合併). */
    public HouseholdMove(List<String> movers, String remainingHead, MoveInOrigin origin, String newHead,
            Map<String, String> relationships) {
        this(movers, remainingHead, origin, newHead, relationships, null);
    }

    /** No new 世帯主 chosen (the head moves along, or one person moves). */
    public HouseholdMove(List<String> movers, String remainingHead, MoveInOrigin origin) {
        this(movers, remainingHead, origin, null, Map.of());
    }

    /** No 続柄 typed. */
    public HouseholdMove(List<String> movers, String remainingHead, MoveInOrigin origin, String newHead) {
        this(movers, remainingHead, origin, newHead, Map.of());
    }

    /**
     * Other movers; the chosen new 世帯主 is kept while they still move. Typed 続柄 are kept only while the movers stay
     * the same: they are relative to a head that may now be another. When the movers join a household its head does
     * not change with them, so the 続柄 of those who still move are kept.
     */
    public HouseholdMove withMovers(List<String> codes, String head) {
        Map<String, String> kept = relationships;
        if (joins()) {
            kept = new java.util.LinkedHashMap<>(relationships);
            kept.keySet().retainAll(codes);
        } else if (!codes.equals(movers)) {
            kept = Map.of();
        }
        return new HouseholdMove(codes, head, origin, newHead != null && codes.contains(newHead) ? newHead : null,
                kept, joinHead);
    }

    /** The clerk's choice of the new household's 世帯主 among the movers (a 転入 or a 転居); typed 続柄 are dropped. */
    public HouseholdMove withNewHead(String code) {
        return new HouseholdMove(movers, remainingHead, origin, code,
                java.util.Objects.equals(code, newHead) ? relationships : Map.of(), joinHead);
    }

    /**
     * The clerk says whether the movers join a household that exists here (世帯合併). Switching either way drops the
     * typed 続柄 (they were relative to another head) and the chosen head among the movers.
     */
    public HouseholdMove withJoining(boolean joins) {
        if (joins == joins()) {
            return this;
        }
        return new HouseholdMove(movers, remainingHead, origin, null, Map.of(), joins ? "" : null);
    }

    /**
     * The name of the 世帯主 of the household the movers join, as typed (only while joining). The typed 続柄 stay: a
     * name is corrected more often than the household changes, and each 続柄 is shown beside the name typed.
     */
    public HouseholdMove withJoinHead(String name) {
        if (!joins()) {
            return this;
        }
        return new HouseholdMove(movers, remainingHead, origin, newHead, relationships, name == null ? "" : name);
    }

    /** Whether the movers join a household that exists here (世帯合併) rather than form their own. */
    public boolean joins() {
        return joinHead != null;
    }

    /** The clerk's 続柄 of one mover to the new 世帯主 (blank: none). */
    public HouseholdMove withRelationship(String code, String relationship) {
        Map<String, String> typed = new java.util.LinkedHashMap<>(relationships);
        if (relationship == null || relationship.isBlank()) {
            typed.remove(code);
        } else {
            typed.put(code, relationship.strip());
        }
        return new HouseholdMove(movers, remainingHead, origin, newHead, typed, joinHead);
    }

    /**
     * Who heads the household the movers form when it is a new one in this municipality's register: a 転入 from a
     * 転出証明書, or a 転居 from the register (a household that splits, or moves as a whole). The former 世帯主 when they
     * move along (by 続柄, or by the certificate's 世帯主 name); the only mover when one moves; otherwise the mover the
     * clerk chose. Null for a 転出 (the movers' household is the next municipality's to record), when the movers join
     * a household that exists here ({@link #joinHead}), or while the clerk has not chosen.
     *
     * @param event the visit's life event
     * @param household the register household of the person at the counter (a 転居), empty otherwise
     */
    public Mover newHouseholdHead(String event, List<RegisterResident> household) {
        if (!formsHousehold(event) || joins()) {
            return null;
        }
        List<Mover> moving = moversOf(household);
        Mover former = moving.stream().filter(this::formerHead).findFirst().orElse(null);
        if (former != null) {
            return former;
        }
        if (moving.size() == 1) {
            return moving.get(0);
        }
        return moving.stream().filter(m -> m.residentCode().equals(newHead)).findFirst().orElse(null);
    }

    /** Two or more movers forming a household here without the former 世帯主: the clerk must name the new one. */
    public boolean needsNewHead(String event, List<RegisterResident> household) {
        if (!formsHousehold(event) || joins()) {
            return false;
        }
        List<Mover> moving = moversOf(household);
        return moving.size() > 1 && moving.stream().noneMatch(this::formerHead);
    }

    /** A 転入 from a 転出証明書, or a 転居 of register members: the movers' household is recorded here. */
    private boolean formsHousehold(String event) {
        return origin != null ? "tennyu".equals(event) : "tenkyo".equals(event);
    }

    /** The movers' data: from the 転出証明書 when there is one, else from the register household. */
    public List<Mover> moversOf(List<RegisterResident> household) {
        return origin != null ? moversFromOrigin() : moversFrom(household);
    }

    private boolean formerHead(Mover m) {
        // by 続柄, or by the certificate's 世帯主 written exactly so (spacing aside): a near match (a 代替文字 allowance)
        // would take 山田 太郎 for 山田 一郎
        return HEAD.equals(m.relationship()) || (origin != null && origin.previousHead() != null
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
                + ", origin=" + origin + ", newHead=" + (newHead != null) + ", relationships=" + relationships.size()
                + ", joins=" + joins() + "]";
    }
}
