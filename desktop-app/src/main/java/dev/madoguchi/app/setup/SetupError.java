package dev.madoguchi.app.setup;

/**
 * Why a step of the first-run setup did not go through; the codes are stable, the remedies are in the message bundles
 * ({@code setup.error.*}, docs/adr/0031).
 */
public enum SetupError {
    DEMO_ON_SET_UP_COMPUTER("SETUP-001"),
    BAD_MUNICIPALITY("SETUP-002"),
    BAD_ADMINISTRATOR("SETUP-003"),
    WEAK_PASSPHRASE("SETUP-004"),
    PASSPHRASES_DIFFER("SETUP-005"),
    REGISTER_UNREADABLE("SETUP-006"),
    BAD_BACKEND_URL("SETUP-007"),
    TOKEN_FILE("SETUP-008"),
    TRUST_STORE("SETUP-009"),
    BACKEND_UNREACHABLE("SETUP-010"),
    BACKEND_TLS("SETUP-011"),
    TOKEN_REFUSED("SETUP-012"),
    BACKEND_BAD_ANSWER("SETUP-013"),
    FORMS_FOLDER("SETUP-014"),
    SHELTER_LIST("SETUP-015"),
    STORE_IN_THE_WAY("SETUP-016"),
    /** What the assistant recorded for the terminal (forms folder, printer) cannot be written beside the store. */
    RECORD_FAILED("SETUP-017");

    private final String code;

    SetupError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
