package dev.madoguchi.app.counter;

/** The fields a register match compares. */
public enum MatchField {
    MY_NUMBER,
    NAME,
    NAME_KANA,
    BIRTH_DATE,
    ADDRESS
}
