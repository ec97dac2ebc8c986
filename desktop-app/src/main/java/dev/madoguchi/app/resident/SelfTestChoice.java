package dev.madoguchi.app.resident;

import dev.madoguchi.card.mynumber.PinKind;

/** A PIN the resident may test on their own pad, with the button's text in their language. */
public record SelfTestChoice(PinKind kind, String text) {
}
