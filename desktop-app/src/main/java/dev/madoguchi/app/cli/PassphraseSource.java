package dev.madoguchi.app.cli;

/**
 * Where a command gets a passphrase: the console or standard input ({@link PassphrasePrompt}), never the command line.
 * The caller owns the returned array and wipes it after use.
 */
interface PassphraseSource {

    /** Asks for one passphrase; an empty array when there is none (end of input). */
    char[] read(String prompt);
}
