package dev.madoguchi.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.store.error.StoreError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every language has every key; every key used in code or FXML exists; no key is left unused. */
class MessagesBundleTest {

    private static final Path MAIN = Path.of("src", "main");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([a-zA-Z][\\w.]*)\"");
    /** A string that names a file (an entry in a zip, a settings file), not a message key. */
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(json|txt|csv|zip|pdf|png|properties)");
    private static final Pattern JAVA_KEY = Pattern.compile("\"((?:window|demo|menu|mode|status|card|store|login|counter|resident|lock|cli|report|shelter|volunteer|setup)\\.[a-zA-Z][\\w.]*[a-zA-Z0-9])\"");
    /** Keys built at run time from an enum: prefix + dotted form of each constant. */
    private static final Set<String> DYNAMIC_PREFIXES = Set.of("card.error.", "store.error.", "counter.error.",
            "counter.printError.", "counter.step.", "counter.fieldMatch.", "counter.matchField.", "counter.source.",
            "counter.answer.", "counter.caseState.", "cli.qrError.", "counter.setAside.",
            "shelter.qr.error.", "shelter.by.", "shelter.flag.", "shelter.flagDetail.", "shelter.sex.", "shelter.stay.",
            "shelter.destination.", "shelter.backlog.column.", "volunteer.pin.",
            "setup.error.", "setup.page.", "setup.strength.", "counter.trust.profile.", "shelter.exchange.conflict.");

    @Test
    void englishHasExactlyTheJapaneseKeys() throws IOException {
        assertThat(keys("messages_en.properties")).isEqualTo(keys("messages.properties"));
    }

    @Test
    void theJapaneseLocaleFileAddsNothingToTheJapaneseBase() throws IOException {
        assertThat(keys("messages_ja.properties")).isEmpty();
    }

    @Test
    void everyKeyUsedInFxmlOrJavaExists() throws IOException {
        Set<String> known = keys("messages.properties");
        assertThat(usedKeys()).isNotEmpty().allSatisfy(key -> assertThat(known).as("bundle keys").contains(key));
    }

    @Test
    void everyTypedErrorHasARemedyInEveryLanguage() {
        for (Language language : Language.values()) {
            Messages messages = new Messages(language);
            for (CardIoError error : CardIoError.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("card.error.", error))).as(error + " " + language).isTrue();
            }
            for (StoreError error : StoreError.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("store.error.", error))).as(error + " " + language).isTrue();
            }
            for (dev.madoguchi.app.counter.CounterError error : dev.madoguchi.app.counter.CounterError.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("counter.error.", error))).as(error + " " + language).isTrue();
            }
            for (dev.madoguchi.app.setup.SetupError error : dev.madoguchi.app.setup.SetupError.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("setup.error.", error))).as(error + " " + language).isTrue();
            }
            for (dev.madoguchi.forms.print.PrintError error : dev.madoguchi.forms.print.PrintError.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("counter.printError.", error))).as(error + " " + language).isTrue();
            }
            for (dev.madoguchi.forms.qr.QrError error : dev.madoguchi.forms.qr.QrError.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("cli.qrError.", error))).as(error + " " + language).isTrue();
            }
            for (dev.madoguchi.forms.qr.QrError error : dev.madoguchi.forms.qr.QrError.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("shelter.qr.error.", error))).as(error + " " + language).isTrue();
            }
            for (var by : dev.madoguchi.domain.shelter.IdentifiedBy.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("shelter.by.", by))).as(by + " " + language).isTrue();
            }
            for (var kind : dev.madoguchi.domain.shelter.CareKind.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("shelter.flag.", kind))).as(kind + " " + language).isTrue();
                assertThat(!kind.detailed() || messages.bundle().containsKey(Messages.keyFor("shelter.flagDetail.", kind))).as(kind + " " + language).isTrue();
            }
            for (var stay : dev.madoguchi.domain.shelter.Stay.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("shelter.stay.", stay))).as(stay + " " + language).isTrue();
            }
            for (var to : dev.madoguchi.domain.shelter.Destination.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("shelter.destination.", to))).as(to + " " + language).isTrue();
            }
            for (var sex : dev.madoguchi.domain.Sex.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("shelter.sex.", sex))).as(sex + " " + language).isTrue();
            }
            for (dev.madoguchi.app.counter.VisitStep step : dev.madoguchi.app.counter.VisitStep.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("counter.step.", step))).as(step + " " + language).isTrue();
            }
            for (dev.madoguchi.app.counter.FieldMatch match : dev.madoguchi.app.counter.FieldMatch.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("counter.fieldMatch.", match))).as(match + " " + language).isTrue();
            }
            for (dev.madoguchi.app.counter.CaseSyncState state : dev.madoguchi.app.counter.CaseSyncState.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("counter.caseState.", state))).as(state + " " + language).isTrue();
            }
            for (var reason : dev.madoguchi.app.counter.plan.PlanViewModel.SetAsideReason.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("counter.setAside.", reason))).as(reason + " " + language).isTrue();
            }
            for (dev.madoguchi.card.mynumber.PinKind kind : dev.madoguchi.card.mynumber.PinKind.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("volunteer.pin.", kind))).as(kind + " " + language).isTrue();
            }
            for (dev.madoguchi.app.counter.MatchField field : dev.madoguchi.app.counter.MatchField.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("counter.matchField.", field))).as(field + " " + language).isTrue();
            }
            for (var profile : dev.madoguchi.card.residence.ResidenceTrust.Profile.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("counter.trust.profile.", profile))).as(profile + " " + language).isTrue();
            }
            for (var kind : dev.madoguchi.store.shelter.ShelterEventKind.values()) {
                assertThat(messages.bundle().containsKey(Messages.keyFor("shelter.exchange.conflict.", kind))).as(kind + " " + language).isTrue();
            }
        }
    }

    @Test
    void noKeyIsUnused() throws IOException {
        Set<String> used = usedKeys();
        Set<String> unused = new TreeSet<>(keys("messages.properties"));
        unused.removeAll(used);
        unused.removeIf(key -> DYNAMIC_PREFIXES.stream().anyMatch(key::startsWith));
        assertThat(unused).isEmpty();
    }

    @Test
    void namesEnumTextsWithDottedCamelCaseKeys() {
        assertThat(Messages.keyFor("card.error.", CardIoError.READER_SERVICE_UNAVAILABLE))
                .isEqualTo("card.error.readerServiceUnavailable");
        assertThat(Messages.keyFor("store.error.", StoreError.DISK_FULL)).isEqualTo("store.error.diskFull");
    }

    @Test
    void englishTextsAreEnglishAndJapaneseTextsJapanese() {
        Messages en = new Messages(Language.ENGLISH);
        Messages ja = new Messages(Language.JAPANESE);
        assertThat(en.get("demo.banner")).startsWith("DEMO");
        assertThat(ja.get("demo.banner")).startsWith("デモ");
        assertThat(en.locale()).isEqualTo(Locale.ENGLISH);
    }

    private static Set<String> usedKeys() throws IOException {
        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                Pattern pattern = name.endsWith(".fxml") ? FXML_KEY : name.endsWith(".java") ? JAVA_KEY : null;
                if (pattern == null) {
                    continue;
                }
                Matcher m = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!FILE_NAME.matcher(m.group(1)).matches()) { // "report.json" in a zip is a file, not a key
                        used.add(m.group(1));
                    }
                }
            }
        }
        return used;
    }

    private static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/dev/madoguchi/app/i18n/" + file)) {
            assertThat(in).as(file).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
