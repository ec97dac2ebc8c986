package dev.madoguchi.domain;

/** 性別 as the resident register and the My Number Card record it. */
public enum Sex {
    MALE,
    FEMALE,
    /** Neither recorded (the card's code 9, "適用不能"). */
    NOT_APPLICABLE
}
