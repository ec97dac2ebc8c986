package dev.madoguchi.app.volunteer;

import dev.madoguchi.card.checkup.CheckUp;

/**
 * Makes the takeaway sheet of a check-up: A4, large type, the results, the advice, where to go and what to bring, in
 * Japanese, やさしい日本語 and the resident's language; nothing personal. Synchronous, the {@code background} lane.
 */
@FunctionalInterface
public interface TakeawaySheet {

    /** @param language the resident screen's language tag ({@code ja}, {@code ja-easy}, {@code en}, …) */
    byte[] pdf(CheckUp checkUp, String language) throws Exception;

    /** The sheet with the resident's answers to the advice table's questions. */
    default byte[] pdf(CheckUp checkUp, String language, java.util.Map<String, String> answers) throws Exception {
        return pdf(checkUp, language);
    }

    /** Whether sheets can be made here (the 印刷 button is offered only then). */
    default boolean available() {
        return true;
    }

    /** No sheet: 印刷 is not offered. */
    TakeawaySheet NONE = new TakeawaySheet() {
        @Override
        public byte[] pdf(CheckUp checkUp, String language) {
            throw new IllegalStateException("no takeaway sheet here");
        }

        @Override
        public boolean available() {
            return false;
        }
    };
}
