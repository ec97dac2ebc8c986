package dev.madoguchi.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads passphrases from the console without echo, or — when there is no console (a pipe, a test) — one line each
 * from standard input. Never from the command line, where they would end up in shell history and process lists.
 */
final class PassphrasePrompt implements PassphraseSource {

    private final PrintWriter prompts;
    private BufferedReader stdin;

    PassphrasePrompt(PrintWriter prompts) {
        this.prompts = prompts;
    }

    @Override
    public char[] read(String prompt) {
        Console console = System.console();
        if (console != null) {
            char[] read = console.readPassword("%s: ", prompt);
            return read == null ? new char[0] : read;
        }
        prompts.println(prompt + ":");
        prompts.flush();
        try {
            if (stdin == null) {
                stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            }
            String line = stdin.readLine();
            return line == null ? new char[0] : line.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the passphrase", e);
        }
    }
}
