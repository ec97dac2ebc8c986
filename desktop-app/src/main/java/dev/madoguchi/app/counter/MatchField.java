package dev.madoguchi.app.counter;

/** The fields a register match compares. */
public enum MatchField {
    MY_NUMBER,
    NAME,
    NAME_KANA,
    BIRTH_DATE,
    ADDRESS,
    /** The number a residence card accepted against the register's 在留カード等番号. */
    RESIDENCE_CARD_NUMBER
}
