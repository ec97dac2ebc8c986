package dev.madoguchi.app.volunteer;

import dev.madoguchi.card.checkup.CheckUp;
import java.util.List;
import java.util.Map;

/**
 * Turns a check-up into advice in one language ({@code ja}, {@code ja-easy}, {@code en}, … as the resident screen's
 * language tags). Synchronous and pure: called on the {@code background} lane.
 */
@FunctionalInterface
public interface Advisor {

    List<AdviceLine> advise(CheckUp checkUp, String language);

    /**
     * The advice with the resident's answers to the table's questions ({@code knowsSignPassword} → {@code yes} /
     * {@code no}); an unanswered question counts as "maybe".
     */
    default List<AdviceLine> advise(CheckUp checkUp, String language, Map<String, String> answers) {
        return advise(checkUp, language);
    }

    /** The ids of the table's questions whose answer decides this check-up's advice, in table order. */
    default List<String> questions(CheckUp checkUp) {
        return List.of();
    }

    /** A question's text in a language (the table's; its Japanese when the table lacks the language). */
    default String questionText(String id, String language) {
        return id;
    }

    /** No advice at all (a check-up still shows its facts). */
    Advisor NONE = (checkUp, language) -> List.of();
}
