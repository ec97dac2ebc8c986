package dev.madoguchi.app.status;

/** How a status-bar item is doing; shown as a word and a mark as well as a colour. */
public enum StatusLevel {
    OK,
    WORKING,
    WARNING,
    ERROR
}
