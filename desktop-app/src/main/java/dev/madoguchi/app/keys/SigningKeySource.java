package dev.madoguchi.app.keys;

import dev.madoguchi.forms.qr.TerminalKey;

/**
 * Where a form renderer gets the terminal's signing key, asked again for every form: the sealed key of the signed-in
 * store ({@link TerminalKeyService}), so nothing is signed once the clerk has signed out.
 */
@FunctionalInterface
public interface SigningKeySource {

    /** @throws TerminalKeyException typed, e.g. {@link TerminalKeyError#SIGNED_OUT} */
    TerminalKey signingKey();
}
