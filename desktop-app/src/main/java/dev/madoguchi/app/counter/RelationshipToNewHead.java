package dev.madoguchi.app.counter;

import dev.madoguchi.domain.Sex;
import dev.madoguchi.forms.prefill.FilledForm;
import dev.madoguchi.forms.prefill.FilledValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 続柄 (relationship to the 世帯主) after the movers' household gets another head: the register's and the 転出証明書's
 * 続柄 are relative to the former head, the form's rows must be relative to the new one. Only what follows from the
 * two 続柄 (and, for siblings, birth dates and sex) is derived; everything else is unknown (null) and asked of the
 * clerk on the plan step rather than printed wrong. Pure functions.
 *
 * <p>One assumption is made and written down (docs/adr/0022, addendum (3)): a 子 of the former head is also the child
 * of the former head's 妻 or 夫 in the same household. The register writes a spouse's own child as 妻の子 / 夫の子, but
 * it does not tell the head's child from an earlier marriage apart; the plan step therefore lists every derived 続柄
 * for the clerk to see before the forms are filled.
 *
 * <p>The words are the register's (住民票): 世帯主, 妻, 夫, 子, 父, 母, 兄, 姉, 弟, 妹, 孫, 祖父, 祖母, 妻の父, 夫の母,
 * 子の妻 ….
 */
public final class RelationshipToNewHead {

    static final String HEAD = "世帯主";
    private static final String CHILD = "子";
    private static final String WIFE = "妻";
    private static final String HUSBAND = "夫";
    private static final String FATHER = "父";
    private static final String MOTHER = "母";

    /**
     * Former 続柄 of the new head → (former 続柄 of a member → 続柄 to the new head), each certain from the two 続柄
     * alone (given the assumption above). Siblings are not in it: they need birth dates and sex.
     */
    private static final Map<String, Map<String, String>> TABLE = Map.of(
            // the new head is the former head's child
            CHILD, Map.of(WIFE, MOTHER, HUSBAND, FATHER, FATHER, "祖父", MOTHER, "祖母"),
            // the new head is the former head's wife
            WIFE, Map.of(CHILD, CHILD, "妻の子", CHILD, FATHER, "夫の父", MOTHER, "夫の母", "妻の父", FATHER,
                    "妻の母", MOTHER, "孫", "孫", "子の妻", "子の妻", "子の夫", "子の夫"),
            // the new head is the former head's husband
            HUSBAND, Map.of(CHILD, CHILD, "夫の子", CHILD, FATHER, "妻の父", MOTHER, "妻の母", "夫の父", FATHER,
                    "夫の母", MOTHER, "孫", "孫", "子の妻", "子の妻", "子の夫", "子の夫"),
            // the new head is the former head's parent: the former head's child is their grandchild, the former
            // head's spouse their child's spouse
            FATHER, Map.of(CHILD, "孫", WIFE, "子の妻", HUSBAND, "子の夫"),
            MOTHER, Map.of(CHILD, "孫", WIFE, "子の妻", HUSBAND, "子の夫"));

    private RelationshipToNewHead() {
    }

    /**
     * The member's 続柄 to the new head, from both persons' 続柄 to the former head.
     *
     * @param newHead the mover who heads the household now (their row becomes 世帯主)
     * @param member another mover
     * @return the 続柄 to the new head; the member's own 続柄 when the new head was the 世帯主 already; null when the
     *         register's 続柄 do not decide it
     */
    public static String derive(Mover newHead, Mover member) {
        String head = newHead.relationship();
        String was = member.relationship();
        if (Objects.equals(newHead.residentCode(), member.residentCode())) {
            return HEAD;
        }
        if (HEAD.equals(head)) {
            return was;
        }
        if (head == null || was == null) {
            return null;
        }
        if (CHILD.equals(head) && CHILD.equals(was)) {
            return sibling(newHead, member);
        }
        return TABLE.getOrDefault(head, Map.of()).get(was);
    }

    /** Two children of the former head: brother or sister, elder or younger; null on the same day or sex unknown. */
    private static String sibling(Mover newHead, Mover member) {
        if (newHead.birthDate() == null || member.birthDate() == null
                || newHead.birthDate().equals(member.birthDate())
                || (member.sex() != Sex.MALE && member.sex() != Sex.FEMALE)) {
            return null; // twins: who is elder is not in the register
        }
        boolean elder = member.birthDate().isBefore(newHead.birthDate());
        if (member.sex() == Sex.MALE) {
            return elder ? "兄" : "弟";
        }
        return elder ? "姉" : "妹";
    }

    /**
     * A mover whose 続柄 changes with the new head.
     *
     * @param relationship the 続柄 to the new head: derived, or typed by the clerk, or null (not known yet)
     * @param derived whether it follows from the register's 続柄; false: the clerk must ask and type it
     */
    public record Change(Mover mover, String relationship, boolean derived) {

        /** The 続柄 is not known yet: neither derived nor typed. */
        public boolean unknown() {
            return relationship == null || relationship.isBlank();
        }

        @Override
        public String toString() {
            return "Change[derived=" + derived + ", unknown=" + unknown() + "]";
        }
    }

    /**
     * The movers as the form's rows: the new head's row with 世帯主, the others with their 続柄 to the new head (null
     * where it is not known yet).
     *
     * @param rows the movers in their order
     * @param changes the movers other than the new head whose 続柄 changed or is not derived, in the same order
     */
    public record Rows(List<Mover> rows, List<Change> changes) {

        public Rows {
            rows = List.copyOf(rows);
            changes = List.copyOf(changes);
        }

        /** The movers whose 続柄 the register does not decide (typed or not). */
        public List<Change> toAsk() {
            return changes.stream().filter(c -> !c.derived()).toList();
        }
    }

    /**
     * The movers' rows when {@code newHeadCode} heads their household. Nothing changes when nobody heads it (null),
     * when that person does not move, or when they were the 世帯主 already.
     *
     * @param typed the clerk's 続柄 to the new head by 住民票コード, for the movers whose 続柄 is not derived
     */
    public static Rows rows(List<Mover> movers, String newHeadCode, Map<String, String> typed) {
        Mover head = movers.stream().filter(m -> m.residentCode().equals(newHeadCode)).findFirst().orElse(null);
        if (head == null || HEAD.equals(head.relationship())) {
            return new Rows(movers, List.of());
        }
        List<Mover> rows = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (Mover m : movers) {
            String derived = derive(head, m);
            String now = derived != null ? derived : blankToNull(typed.get(m.residentCode()));
            rows.add(m.withRelationship(now));
            if (m != head && (derived == null || !derived.equals(m.relationship()))) {
                changes.add(new Change(m, now, derived != null));
            }
        }
        return new Rows(rows, changes);
    }

    /**
     * The movers' rows when they join a household that exists here (世帯合併): its 世帯主 is none of them and not in
     * their household, so no mover's 続柄 to that head follows from the register (it records 続柄 to the movers' own
     * former head only). Every mover is asked; the row holds what the clerk typed, or null while nothing is typed.
     *
     * @param typed the clerk's 続柄 to the joined household's 世帯主 by 住民票コード
     */
    public static Rows joined(List<Mover> movers, Map<String, String> typed) {
        List<Mover> rows = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (Mover m : movers) {
            String now = blankToNull(typed.get(m.residentCode()));
            rows.add(m.withRelationship(now));
            changes.add(new Change(m, now, false));
        }
        return new Rows(rows, changes);
    }

    /**
     * The form with the rows' 続柄 where they changed with the new head (source {@code household.newHead}); one not
     * known is removed, so that the form asks for it rather than print the former head's. The person at the counter's
     * 続柄 also goes into the form's own fields that take {@code register.relationship} (the 国保 form's), also when
     * nothing changed but the register had none (a 転入: the 転出証明書's). A value from the interview is the clerk's
     * and stays.
     *
     * @param before the movers with their 続柄 to the former head
     * @param rows the same movers with their 続柄 to the new head ({@link #rows})
     * @param moverSource where the movers' data came from (the source of a 続柄 that did not change)
     */
    static FilledForm onForm(FilledForm filled, List<Mover> before, List<Mover> rows, String moverSource) {
        Map<String, FilledValue> values = new LinkedHashMap<>(filled.values());
        boolean rowsHere = filled.definition().group(VisitFormsService.MOVERS).isPresent();
        for (int i = 0; i < rows.size(); i++) {
            String now = rows.get(i).relationship();
            boolean changed = !Objects.equals(now, before.get(i).relationship());
            List<String> keys = new ArrayList<>();
            if (rowsHere && changed) {
                keys.add(VisitFormsService.MOVERS + "." + (i + 1) + ".relationship");
            }
            if (i == 0) {
                filled.definition().fieldsOf(filled.variant()).stream()
                        .filter(f -> f.sources().contains("register.relationship")).forEach(f -> keys.add(f.id()));
            }
            for (String key : keys) {
                FilledValue was = values.get(key);
                if (was != null && (was.source().startsWith("interview.") || !changed)) {
                    continue; // the clerk's answer, or the register's 続柄 that still holds
                }
                if (now == null) {
                    values.remove(key);
                } else {
                    values.put(key, new FilledValue(now, changed ? VisitFormsService.NEW_HEAD : moverSource));
                }
            }
        }
        return new FilledForm(filled.definition(), filled.variant(), values, filled.discrepancies());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
