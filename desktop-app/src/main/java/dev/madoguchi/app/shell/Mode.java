package dev.madoguchi.app.shell;

/** The three modes of the product, one per kind of user. */
public enum Mode {
    /** Counter clerks face to face with residents (窓口). */
    COUNTER,
    /** Staff checking people in and out of an evacuation centre (避難所). */
    SHELTER,
    /** Digital-promotion volunteers helping people with their cards, without register access (デジタル推進委員). */
    VOLUNTEER
}
