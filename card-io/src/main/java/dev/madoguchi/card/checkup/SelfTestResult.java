package dev.madoguchi.card.checkup;

import dev.madoguchi.card.mynumber.PinKind;
import java.util.Objects;

/**
 * The outcome of the resident's "does my PIN work?": the one VERIFY that {@link CardCheckUp#selfTest} sent. Holds
 * nothing of the PIN.
 *
 * @param correct whether the card accepted the PIN (its counter is then full again)
 * @param triesLeft the tries left after the test ({@code maxTries} when correct, 0 when the PIN is now locked)
 * @param apdus the commands sent, of which exactly one was a VERIFY with data
 */
public record SelfTestResult(PinKind kind, boolean correct, int triesLeft, int maxTries, int apdus) {

    public SelfTestResult {
        Objects.requireNonNull(kind, "kind");
    }
}
