package dev.madoguchi.app.setup;

/** How strong an administrator's passphrase is, shown while it is chosen; a weak one is refused. */
public enum PassphraseStrength {
    /** Shorter than 12 characters, or one kind of character only. */
    WEAK,
    /** At least 12 characters of two kinds. */
    FAIR,
    /** At least 16 characters of three kinds, or 24 of any. */
    STRONG;

    public static PassphraseStrength of(char[] passphrase) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (char c : passphrase) {
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        int kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (passphrase.length >= 24 || passphrase.length >= 16 && kinds >= 3) {
            return STRONG;
        }
        return passphrase.length >= 12 && kinds >= 2 ? FAIR : WEAK;
    }
}
