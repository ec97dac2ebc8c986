package dev.madoguchi.app.cli;

import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.card.mynumber.CardHealth;
import dev.madoguchi.card.mynumber.CardInfo;
import dev.madoguchi.card.mynumber.CardProfile;
import dev.madoguchi.card.mynumber.Genuineness;
import dev.madoguchi.card.mynumber.MyNumberCardService;
import dev.madoguchi.card.mynumber.MyNumberRead;
import dev.madoguchi.card.mynumber.PinStatus;
import dev.madoguchi.card.mynumber.ReadOptions;
import dev.madoguchi.card.mynumber.TextCredential;
import dev.madoguchi.card.mynumber.TextRead;
import dev.madoguchi.card.pcsc.PcscCardReaders;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.card.simulated.VolunteerDemoCards;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code madoguchi card}: readers and My Number Cards from the command line. PINs and 照合番号 are never arguments
 * (they would show in the process list): they come from standard input or the console, and are never printed or
 * logged.
 */
@Command(name = "card",
        mixinStandardHelpOptions = true,
        description = "Card readers and My Number Cards (PC/SC, or the simulated reader with --demo-card).",
        subcommands = {CardCommand.Readers.class, CardCommand.Read.class, CardCommand.Check.class,
            CardAdviceCommand.class})
public final class CardCommand extends GroupCommand {

    /** Exit codes of the card commands (2 stays a usage error). */
    static final int NO_CARD = 3;
    static final int WRONG_PIN = 4;
    static final int PIN_BLOCKED = 5;
    static final int UNUSABLE_CARD = 6;

    private static final Logger LOG = LoggerFactory.getLogger(CardCommand.class);

    /** Options every card subcommand shares. */
    static final class Target {
        @Option(names = "--json", description = "Print one JSON object (also for failures).")
        boolean json;

        @Option(names = "--demo-card", paramLabel = "RESIDENT_ID",
                description = {"Use the simulated reader holding this demo resident's card instead of PC/SC readers",
                    "(or a volunteer demo card: volunteer-fine, volunteer-auth-pin-locked, …; docs/volunteer.md)."})
        String demoCard;

        CardReaders readers(CommandSpec spec) {
            if (demoCard == null) {
                return PcscCardReaders.system();
            }
            List<SimulatedCard> deck = new ArrayList<>(DemoEnvironment.standard().cardDeck());
            deck.addAll(VolunteerDemoCards.deck(LocalDate.now(ZoneId.of("Asia/Tokyo"))));
            SimulatedCardReaders simulated = new SimulatedCardReaders(deck);
            try {
                simulated.place(demoCard);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--demo-card: no demo card " + demoCard);
            }
            return simulated;
        }
    }

    @Command(name = "readers", mixinStandardHelpOptions = true, description = "Lists the readers and whether a card lies on each.")
    static final class Readers implements Callable<Integer>, CliErrors.JsonFailures {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        @Override
        public boolean failuresAsJson() {
            return target.json;
        }

        @Override
        public Integer call() throws CardIoException {
            PrintWriter out = spec.commandLine().getOut();
            ReaderSnapshot snapshot = target.readers(spec).snapshot();
            if (target.json) {
                List<Object> readers = new ArrayList<>();
                for (ReaderSnapshot.Reader r : snapshot.readers()) {
                    readers.add(object("name", r.name(), "cardPresent", r.cardPresent()));
                }
                out.println(Json.write(object("source", snapshot.source().name(), "readers", readers)));
            } else {
                out.println("source: " + snapshot.source());
                if (snapshot.readers().isEmpty()) {
                    out.println("no readers");
                }
                for (ReaderSnapshot.Reader r : snapshot.readers()) {
                    out.println(r.name() + ": " + (r.cardPresent() ? "card present" : "no card"));
                }
            }
            out.flush();
            return 0;
        }
    }

    /** Where the credential comes from: never an argument. */
    static final class CredentialSource {
        @Option(names = "--pin-stdin", required = true,
                description = "Read the 4-digit 券面事項入力補助 PIN as one line from standard input.")
        boolean pinStdin;

        @Option(names = "--collation-b-stdin", required = true,
                description = "Read the 14-digit 照合番号B as one line from standard input.")
        boolean collationBStdin;

        @Option(names = "--pin-console", required = true,
                description = "Show the tries left, then ask for the PIN on the console without echo.")
        boolean pinConsole;
    }

    @Command(name = "read", mixinStandardHelpOptions = true,
            description = {"Reads 基本4情報 (name, address, birth date, sex) from the card's 券面事項入力補助AP.",
                "Checks the tries left first; never retries a PIN; the My Number only with --with-my-number."})
    static final class Read implements Callable<Integer>, CliErrors.JsonFailures {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        @Override
        public boolean failuresAsJson() {
            return target.json;
        }

        @Option(names = "--reader", paramLabel = "NAME", description = "The reader (default: the first holding a card).")
        String reader;

        @ArgGroup(exclusive = true, multiplicity = "1")
        CredentialSource credentialSource;

        @Option(names = "--with-my-number", description = "Also read the 個人番号 (only for procedures that need it).")
        boolean withMyNumber;

        @Option(names = "--show-my-number", description = "Print the 個人番号 in full instead of masked.")
        boolean showMyNumber;

        @Option(names = "--challenge", description = "Also run the PIN-less internal-authentication challenge.")
        boolean challenge;

        @Override
        public Integer call() throws IOException, CardIoException {
            if (showMyNumber && !withMyNumber) {
                throw new ParameterException(spec.commandLine(), "--show-my-number needs --with-my-number");
            }
            CardReaders readers = target.readers(spec);
            MyNumberCardService service = new MyNumberCardService(readers);
            TextCredential credential = credential(service);
            TextRead read = service.read(reader, credential, new ReadOptions(withMyNumber, true, challenge));
            LOG.info("card read: {} commands, {}", read.commands(), read.genuineness());
            print(read);
            return 0;
        }

        private TextCredential credential(MyNumberCardService service) throws IOException, CardIoException {
            String line;
            if (credentialSource.pinConsole) {
                Console console = System.console();
                if (console == null) {
                    throw new ParameterException(spec.commandLine(), "--pin-console needs a console; use --pin-stdin");
                }
                PinStatus status = service.triesLeft(reader, CardProfile.TextCredentialKind.PIN);
                spec.commandLine().getErr().println(status.blocked() ? "the PIN is blocked"
                        : status.reported() ? "tries left: " + status.triesLeft() : "tries left: not reported");
                if (status.blocked()) {
                    throw new CardIoException(CardIoError.PIN_BLOCKED, 0, "PIN blocked; nothing sent", null);
                }
                char[] typed = console.readPassword("PIN: ");
                line = typed == null ? "" : new String(typed);
            } else {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String read = in.readLine();
                line = read == null ? "" : read.strip();
            }
            try {
                return credentialSource.collationBStdin ? new TextCredential.CollationNumberB(line)
                        : new TextCredential.Pin(line);
            } catch (IllegalArgumentException e) {
                // the message never contains the value
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        private void print(TextRead read) {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", read.basicFour().name());
            result.put("address", read.basicFour().address());
            result.put("birthDate", read.basicFour().birthDate().toString());
            result.put("sex", read.basicFour().sexCode());
            if (read.myNumber().isPresent()) {
                MyNumberRead myNumber = read.myNumber().get();
                result.put("myNumber", showMyNumber ? myNumber.digits() : myNumber.masked());
                result.put("myNumberCheckDigitValid", myNumber.checkDigitValid());
            }
            Genuineness g = read.genuineness();
            result.put("integrity", object("basicFourHash", g.basicFourHash().name(), "myNumberHash",
                    g.myNumberHash().name(), "issuerSignature", g.issuerSignature().name(), "challenge",
                    g.challenge().name(), "notVerified", Genuineness.limits()));
            if (target.json) {
                out.println(Json.write(result));
            } else {
                result.forEach((k, v) -> out.println(k + ": " + (v instanceof Map<?, ?> m ? m : v)));
            }
            out.flush();
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Card health check: tries left on the three PINs, certificate dates, card expiry and",
                "issuing municipality. Needs no PIN and consumes no try."})
    static final class Check implements Callable<Integer>, CliErrors.JsonFailures {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        @Override
        public boolean failuresAsJson() {
            return target.json;
        }

        @Option(names = "--reader", paramLabel = "NAME", description = "The reader (default: the first holding a card).")
        String reader;

        @Override
        public Integer call() throws CardIoException {
            CardHealth health = new MyNumberCardService(target.readers(spec)).check(reader);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("textPinTriesLeft", tries(health.textPin()));
            result.put("authPinTriesLeft", health.authPin().map(CardCommand::tries).orElse(null));
            result.put("signPasswordTriesLeft", health.signPassword().map(CardCommand::tries).orElse(null));
            result.put("authCertificateValidFrom", health.authCertificateValidFrom().map(Object::toString).orElse(null));
            result.put("authCertificateValidUntil",
                    health.authCertificateValidUntil().map(Object::toString).orElse(null));
            Optional<CardInfo> info = health.cardInfo();
            result.put("cardExpiry", info.map(i -> i.expiry().toString()).orElse(null));
            result.put("municipalityCode", info.map(CardInfo::municipalityCode).orElse(null));
            PrintWriter out = spec.commandLine().getOut();
            if (target.json) {
                out.println(Json.write(result));
            } else {
                result.forEach((k, v) -> out.println(k + ": " + (v == null ? "—" : v)));
            }
            out.flush();
            return 0;
        }
    }

    private static Object tries(PinStatus status) {
        return status.reported() ? status.triesLeft() : null;
    }

    /** The exit code of a card failure (2 stays a usage error); {@link CliErrors} prints the failure. */
    static int exitCode(CardIoError error) {
        return switch (error) {
            case NO_READER, NO_CARD, CARD_REMOVED -> NO_CARD;
            case WRONG_PIN, WRONG_CARD_NUMBER -> WRONG_PIN;
            case PIN_BLOCKED, SELF_TEST_REFUSED -> PIN_BLOCKED;
            case NOT_MY_NUMBER_CARD, NOT_RESIDENCE_CARD, UNSUPPORTED_CARD, CORRUPT_DATA, CARD_AUTHENTICATION_FAILED ->
                    UNUSABLE_CARD;
            case READER_SERVICE_UNAVAILABLE, CARD_BUSY, READER_ERROR -> 1;
        };
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** The few JSON shapes the card commands print (objects, lists, strings, numbers, booleans, null). */
    static final class Json {
        private Json() {}

        static String write(Object value) {
            StringBuilder s = new StringBuilder();
            append(s, value);
            return s.toString();
        }

        private static void append(StringBuilder s, Object value) {
            if (value == null) {
                s.append("null");
            } else if (value instanceof Map<?, ?> map) {
                s.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        s.append(',');
                    }
                    first = false;
                    append(s, String.valueOf(e.getKey()));
                    s.append(':');
                    append(s, e.getValue());
                }
                s.append('}');
            } else if (value instanceof List<?> list) {
                s.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        s.append(',');
                    }
                    append(s, list.get(i));
                }
                s.append(']');
            } else if (value instanceof Number || value instanceof Boolean) {
                s.append(value);
            } else {
                s.append('"');
                for (char c : value.toString().toCharArray()) {
                    switch (c) {
                        case '"' -> s.append("\\\"");
                        case '\\' -> s.append("\\\\");
                        case '\n' -> s.append("\\n");
                        case '\r' -> s.append("\\r");
                        case '\t' -> s.append("\\t");
                        default -> {
                            if (c < 0x20) {
                                s.append(String.format("\\u%04x", (int) c));
                            } else {
                                s.append(c);
                            }
                        }
                    }
                }
                s.append('"');
            }
        }
    }
}
