package dev.madoguchi.app.cli;

import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The signed-in clerk of a command: declares {@code --clerk ID}, asks for the clerk's passphrase (on the console
 * without echo, else one line of standard input; never an argument), opens the local store with it and wipes the
 * passphrase right after. A command that needs a clerk declares {@code @Mixin ClerkSession clerk;} and does its work in
 * {@code clerk.run(store -> ...)}; a typed store failure (wrong passphrase, not permitted …) is left to {@code Main},
 * which prints it once ({@link CliErrors}).
 */
public final class ClerkSession {

    /** What a command does with the open store; returns the exit code. */
    @FunctionalInterface
    public interface Step {
        int run(LocalStore store) throws Exception;
    }

    /** What a command does with a passphrase, which is wiped afterwards. */
    @FunctionalInterface
    public interface PassphraseUse<T> {
        T apply(char[] passphrase) throws Exception;
    }

    @Option(names = "--clerk", required = true, paramLabel = "ID", description = "Clerk id to sign in as.")
    String clerkId;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** One source per command: standard input is read through one buffer, line after line. */
    private PassphraseSource passphrases;

    public ClerkSession() {}

    /** A session reading passphrases from {@code passphrases} instead of the console or standard input. */
    ClerkSession(PassphraseSource passphrases) {
        this.passphrases = passphrases;
    }

    /** The clerk's id; a usage error when the command runs without {@code --clerk} (see {@link OptionalOnGroup}). */
    public String clerkId() {
        if (clerkId == null) {
            throw new ParameterException(command.commandLine(), "Missing required option: '--clerk=ID'");
        }
        return clerkId;
    }

    /** Signs in, runs {@code step} on the open store and closes it. */
    public int run(Step step) throws Exception {
        try (LocalStore store = open()) {
            return step.run(store);
        }
    }

    /** Signs in: asks for the clerk's passphrase and opens the store (the caller closes it). */
    public LocalStore open() throws Exception {
        return withPassphrase("Passphrase for " + clerkId(), this::open);
    }

    /** Opens the store with a passphrase the caller holds (and wipes). */
    public LocalStore open(char[] passphrase) {
        return LocalStore.open(storeDirectory(), clerkId(), passphrase, StoreOptions.defaults());
    }

    /** Asks for a passphrase, hands it to {@code use} and wipes it, also when {@code use} fails. */
    public <T> T withPassphrase(String prompt, PassphraseUse<T> use) throws Exception {
        char[] passphrase = passphrases().read(prompt);
        try {
            return use.apply(passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /**
     * Asks twice for a new passphrase of {@code clerk}, hands it to {@code use} and wipes both; a usage error when the
     * two differ.
     */
    public <T> T withNewPassphrase(String clerk, PassphraseUse<T> use) throws Exception {
        return withPassphrase("New passphrase for " + clerk + " (at least 8 characters)",
                first -> withPassphrase("The same passphrase again", again -> {
                    if (!Arrays.equals(first, again)) {
                        throw new ParameterException(command.commandLine(), "the two passphrases differ");
                    }
                    return use.apply(first);
                }));
    }

    /** The local store's directory of this command line ({@code --data-dir}, else the environment's). */
    public Path storeDirectory() {
        return ((MadoguchiCommand) command.root().userObject()).storeDirectory();
    }

    private PassphraseSource passphrases() {
        if (passphrases == null) {
            passphrases = new PassphrasePrompt(command.commandLine().getErr());
        }
        return passphrases;
    }

    /**
     * For a group command that also runs on its own ({@code sync --clerk ID}): picocli would demand a parent's required
     * option before any subcommand, so there {@code --clerk} is optional while parsing and {@link #clerkId()} demands
     * it when the group itself runs. Use as {@code @Command(modelTransformer = ClerkSession.OptionalOnGroup.class)}.
     */
    public static final class OptionalOnGroup implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            OptionSpec clerk = spec.findOption("--clerk");
            spec.remove(clerk);
            spec.addOption(clerk.toBuilder().required(false).description("Clerk id to sign in as (required).")
                    .build());
            return spec;
        }
    }
}
