package dev.madoguchi.app.speech;

/** What can go wrong with read-aloud; stable codes, remedies in the message bundles under {@link #messageKey()}. */
public enum SpeechError {
    /** Neither espeak-ng (Linux) nor Windows speech through PowerShell is available. */
    NO_ENGINE("SPEECH-001"),
    /** The speech engine was found but did not finish (it failed, or took longer than the limit). */
    ENGINE_FAILED("SPEECH-002");

    private final String code;

    SpeechError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The key of the remedy text in the application's bundles. */
    public String messageKey() {
        return switch (this) {
            case NO_ENGINE -> "status.speech.noEngine";
            case ENGINE_FAILED -> "status.speech.engineFailed";
        };
    }
}
