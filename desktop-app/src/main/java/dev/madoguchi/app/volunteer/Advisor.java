package dev.madoguchi.app.volunteer;

import dev.madoguchi.card.checkup.CheckUp;
import java.util.List;

/**
 * Turns a check-up into advice in one language ({@code ja}, {@code ja-easy}, {@code en}, … as the resident screen's
 * language tags). Synchronous and pure: called on the {@code background} lane.
 */
@FunctionalInterface
public interface Advisor {

    List<AdviceLine> advise(CheckUp checkUp, String language);

    /** No advice at all (a check-up still shows its facts). */
    Advisor NONE = (checkUp, language) -> List.of();
}
