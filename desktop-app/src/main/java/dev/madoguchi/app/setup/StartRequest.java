package dev.madoguchi.app.setup;

/** What the person asked for when starting the desktop: {@code --demo}, {@code --setup} or nothing. */
public enum StartRequest {
    /** No option: the demo on a computer never set up (as before), the sign-in on a set-up one. */
    AUTO,
    /** {@code --demo}: the fictional demo municipality; refused on a set-up computer. */
    DEMO,
    /** {@code --setup}: the setup assistant on a computer not set up yet, the sign-in on a set-up one. */
    SETUP
}
