package dev.madoguchi.app.cli;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.forms.print.FormPrintException;
import dev.madoguchi.forms.qr.QrVerificationException;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.sync.file.FileLinkageException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Every typed failure of the command line, in one place: the store ({@code store.error.*}), the card
 * ({@code card.error.*}), printing ({@code counter.printError.*}), QR codes ({@code cli.qrError.*}) and file linkage
 * ({@code cli.fileLinkageError}) become one line "remedy (CODE)" in the person's language, followed by where it
 * happened when the failure names it (a file's line and field, the installed printers, the file read). One log line
 * with the cause, no stack trace. Exit code 1, or the card's own codes ({@link CardCommand#exitCode}). A command that
 * implements {@link JsonFailures} and asked for JSON gets the failure as one JSON object on standard output instead.
 */
public final class CliErrors {

    /** Exit code of a typed failure other than the card's. */
    static final int FAILURE = 1;

    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

    private final Messages messages;

    public CliErrors(Language language) {
        this.messages = new Messages(language);
    }

    /** A command whose failures are printed as JSON when it was asked for JSON. */
    public interface JsonFailures {
        boolean failuresAsJson();
    }

    /**
     * A typed failure in words.
     *
     * @param detail where it happened, or empty
     * @param triesLeft the PIN tries left, when a card said so
     */
    record Failure(String code, String remedy, String detail, OptionalInt triesLeft, int exitCode) {}

    /** The typed failure in words; empty for anything else (a defect: Main names the log file). */
    Optional<Failure> describe(Throwable e) {
        if (e instanceof StoreException s) {
            // a bad input file's message says where (line and field), never a value
            String detail = s.error() == StoreError.BAD_INPUT ? after(s.getMessage(), s.error().code()) : "";
            return failure(s.error().code(), Messages.keyFor("store.error.", s.error()), detail);
        }
        if (e instanceof CardIoException c) {
            return Optional.of(new Failure(c.error().code(), messages.get(Messages.keyFor("card.error.", c.error())),
                    "", c.triesLeft(), CardCommand.exitCode(c.error())));
        }
        if (e instanceof FormPrintException p) {
            return failure(p.error().code(), Messages.keyFor("counter.printError.", p.error()),
                    after(p.getMessage(), p.error().code() + " " + p.error().description()));
        }
        if (e instanceof QrVerificationException q) {
            return failure(q.error().code(), Messages.keyFor("cli.qrError.", q.error()),
                    after(q.getMessage(), q.error().code() + " " + q.error().description()));
        }
        if (e instanceof dev.madoguchi.app.keys.TerminalKeyException k) {
            return failure(k.error().code(), k.error().remedyKey(), "");
        }
        if (e instanceof dev.madoguchi.app.setup.SetupException s) {
            return failure(s.error().code(), Messages.keyFor("setup.error.", s.error()), "");
        }
        if (e instanceof FileLinkageException f) {
            return failure(FileLinkageException.CODE, "cli.fileLinkageError",
                    after(f.getMessage(), FileLinkageException.CODE));
        }
        return Optional.empty();
    }

    /** The line a person reads: "remedy (CODE)", the tries left before the code, where it happened after it. */
    String line(Failure f) {
        String tries = f.triesLeft().isPresent() ? " (" + messages.get("cli.triesLeft", f.triesLeft().getAsInt()) + ")"
                : "";
        return f.remedy() + tries + " (" + f.code() + ")" + (f.detail().isEmpty() ? "" : ": " + f.detail());
    }

    /**
     * Prints a typed failure of the command that ran and logs it in one line.
     *
     * @return its exit code, or empty when {@code e} is not a typed failure (nothing printed)
     */
    public OptionalInt report(Exception e, CommandLine commandLine) {
        Optional<Failure> described = describe(e);
        if (described.isEmpty()) {
            return OptionalInt.empty();
        }
        Failure f = described.get();
        String command = commandLine.getCommandSpec().qualifiedName();
        LOG.warn("'{}' failed: {}", command, oneLine(String.valueOf(e.getMessage()))); // expected: no stack trace
        if (commandLine.getCommand() instanceof JsonFailures json && json.failuresAsJson()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", f.code());
            error.put("message", f.remedy());
            f.triesLeft().ifPresent(t -> error.put("triesLeft", t));
            PrintWriter out = commandLine.getOut();
            out.println(CardCommand.Json.write(error));
            out.flush();
        } else {
            PrintWriter err = commandLine.getErr();
            err.println(command + ": " + line(f));
            err.flush();
        }
        return OptionalInt.of(f.exitCode());
    }

    private Optional<Failure> failure(String code, String remedyKey, String detail) {
        return Optional.of(new Failure(code, messages.get(remedyKey), detail, OptionalInt.empty(), FAILURE));
    }

    /** What a typed exception's message says after its code (and description): where, never a value. */
    private static String after(String message, String prefix) {
        if (message == null || !message.startsWith(prefix)) {
            return "";
        }
        String rest = message.substring(prefix.length()).strip();
        return oneLine(rest.startsWith(":") ? rest.substring(1).strip() : rest);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
