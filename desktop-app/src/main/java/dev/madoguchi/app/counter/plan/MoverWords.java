package dev.madoguchi.app.counter.plan;

import dev.madoguchi.app.counter.RelationshipToNewHead;
import dev.madoguchi.app.counter.Visit;
import dev.madoguchi.app.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * What the choice of movers does to the household, in the words the plan step shows under the checkboxes: the whole
 * household moves, it splits (世帯分離), its head leaves (世帯主変更), or the movers join a household that exists here
 * (世帯合併); who heads the movers' household and how their 続柄 change or must be asked. Made from the
 * {@link MoversViewModel}'s state; pure.
 */
final class MoverWords {

    private MoverWords() {
    }

    static List<String> of(MoversViewModel movers, Visit visit, RelationshipToNewHead.Rows rows, Messages messages) {
        List<String> words = new ArrayList<>();
        List<MoversViewModel.Member> members = movers.members();
        boolean joins = visit.moving().joins();
        if (members.size() < 2 && !joins) {
            return words;
        }
        String event = visit.event();
        long count = movers.moving().size();
        boolean headMoves = movers.moving().stream().anyMatch(MoversViewModel.Member::head);
        boolean tennyu = MoversViewModel.tennyu(visit);
        int stay = movers.staying().size();
        if (members.size() < 2) {
            // one person joins a household: nothing to say about the household they leave
        } else if (count == members.size()) {
            words.add(messages.get(joins ? "counter.movers.wholeJoins" : "counter.movers.whole", count));
        } else if (tennyu) {
            // a 転入: those who do not come stay in the former municipality, whose register is not this one
            words.add(messages.get("counter.movers.othersStayAway", count, stay));
        } else if (headMoves) {
            words.add(messages.get("counter.movers.headLeaves", stay));
            members.stream().filter(m -> m.code().equals(movers.remainingHeadProperty().get())).findFirst()
                    .ifPresent(m -> words.add(messages.get("counter.movers.newHead", m.name())));
        } else {
            words.add(messages.get(joins ? "counter.movers.splitJoins" : "counter.movers.split", count));
            movers.staying().stream().filter(MoversViewModel.Member::head).findFirst()
                    .ifPresent(m -> words.add(messages.get("counter.movers.remainingHeadStays", m.name())));
        }
        if (joins) {
            String head = visit.moving().joinHead();
            words.add(head.isBlank() ? messages.get("counter.movers.joinHeadMissing")
                    : messages.get("counter.movers.joins", head));
        } else {
            if (tennyu || ("tenkyo".equals(event) && count < members.size())) {
                newHouseholdWords(words, movers, rows, messages, tennyu);
            }
            if (!"tenshutsu".equals(event)) {
                words.add(messages.get("counter.movers.join"));
            }
        }
        return words;
    }

    /** The label of a mover's 続柄 field: to the new 世帯主 among the movers, or to {@code joinHead} (not null). */
    static String askLabel(MoversViewModel.Ask ask, String joinHead, Messages messages) {
        if (joinHead == null) {
            return messages.get("counter.view.relationshipToNewHead", ask.name(), ask.formerRelationship());
        }
        String head = joinHead.isBlank() ? messages.get("counter.view.joinHeadUnknown") : joinHead;
        return messages.get("counter.view.relationshipToJoinHead", ask.name(), head, ask.formerRelationship());
    }

    /**
     * A 転入, or a 転居 of part of the household: who heads the household the movers form here, or that the clerk
     * must choose; then the movers' 続柄 to that head, derived or left for the clerk.
     */
    private static void newHouseholdWords(List<String> words, MoversViewModel movers, RelationshipToNewHead.Rows rows,
            Messages messages, boolean tennyu) {
        String code = movers.newHeadCode();
        if (code != null) {
            movers.members().stream().filter(m -> m.code().equals(code)).findFirst().ifPresent(m -> words.add(
                    messages.get(tennyu ? "counter.movers.newHouseholdHead" : "counter.movers.movedHouseholdHead",
                            m.name())));
            for (RelationshipToNewHead.Change c : rows.changes()) {
                words.add(c.derived()
                        ? messages.get("counter.movers.relationshipChanges", c.mover().name(),
                                c.mover().relationship(), c.relationship())
                        : messages.get("counter.movers.checkRelationship", c.mover().name(), c.mover().relationship()));
            }
        } else if (movers.needsNewHead()) {
            words.add(messages.get(tennyu ? "counter.movers.chooseNewHead" : "counter.movers.chooseMovedHead"));
        }
    }
}
