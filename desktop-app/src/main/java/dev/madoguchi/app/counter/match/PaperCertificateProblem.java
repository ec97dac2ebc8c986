package dev.madoguchi.app.counter.match;

/**
 * What can be wrong with a typed paper 転出証明書, each kind with its words in the message bundles
 * ({@code counter.paper.*}). A problem names its item and, for a person, the row ({@link Problem}).
 */
public enum PaperCertificateProblem {
    /** A required item is empty. */
    REQUIRED("counter.paper.required"),
    /** Not a date as 年-月-日, or out of range. */
    DATE("counter.paper.date"),
    /** フリガナ not in katakana. */
    KANA("counter.paper.kana"),
    /** 性別 neither 男 nor 女. */
    SEX("counter.paper.sex"),
    /** A 住民票コード without 11 digits. */
    RESIDENT_CODE_DIGITS("counter.paper.residentCodeDigits"),
    /** A 住民票コード whose check digit does not agree. */
    CHECK_DIGIT("counter.paper.checkDigit"),
    /** The same 住民票コード in two rows. */
    TWICE("counter.paper.twice"),
    /** The person at the counter is not among the rows. */
    NOT_AT_COUNTER("counter.paper.notAtCounter"),
    /** A 在留カード等番号 not of two letters, eight digits, two letters. */
    CARD_NUMBER("counter.paper.cardNumber"),
    /** A 30条の45 category other than the six of the law. */
    CATEGORY("counter.paper.category");

    private final String messageKey;

    PaperCertificateProblem(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    /**
     * One problem found: its kind, the row (1 for the first person; 0 for the certificate's header items), the
     * item's id ({@code previousAddress}, {@code residenceCardNumber}, …) and the words shown.
     */
    public record Problem(PaperCertificateProblem kind, int row, String item, String text) {

        /** The words may hold a name: not printed. */
        @Override
        public String toString() {
            return "Problem[" + kind + ", row=" + row + ", item=" + item + "]";
        }
    }
}
