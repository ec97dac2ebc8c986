package dev.madoguchi.app.keys;

/** Why the terminal's signing key cannot be used; the remedy texts are in the app's bundles under {@link #remedyKey}. */
public enum TerminalKeyError {
    /** No clerk is signed in (the store is locked): the sealed key cannot be opened, nothing can be signed. */
    SIGNED_OUT("KEY-001", "cli.keyError.signedOut"),
    /** Only an administrator rotates the key. */
    NOT_PERMITTED("KEY-002", "cli.keyError.notPermitted"),
    /** The key file is damaged, or sealed under another store's key. */
    DAMAGED("KEY-003", "cli.keyError.damaged"),
    /** The terminal has no signing key yet (it is made at a clerk's first sign-in). */
    NO_KEY("KEY-004", "cli.keyError.noKey");

    private final String code;
    private final String remedyKey;

    TerminalKeyError(String code, String remedyKey) {
        this.code = code;
        this.remedyKey = remedyKey;
    }

    public String code() {
        return code;
    }

    /** The bundle key of the remedy text. */
    public String remedyKey() {
        return remedyKey;
    }
}
