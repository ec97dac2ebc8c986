package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.madoguchi.app.Main;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's exchange test with two stores in two JVMs: laptop A is this JVM (the commands through {@link Main}),
 * laptop B's store is only ever opened by a second JVM (the same {@code madoguchi} command line started with this
 * test's class path). Both check households in, exchange files both ways (and again, overlapping), and end with the same
 * present lists; a person checked out on A and transferred (checked out and checked in at the other shelter) on B
 * before the files crossed is a conflict that both imports report, resolved by the events' order, never dropped.
 */
class ShelterTwoJvmExchangeTest {

    private static final String ADMIN = "admin passphrase 1";
    private static final String STAFF = "shelter passphrase 1";
    private static final String SHELTER_KEY = "体育館の受け渡し 2026";
    private static final String TOWN = "132055";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final InputStream originalIn = System.in;

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    /** Laptop A: this JVM. */
    private Run a(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(withDataDir(dir.resolve("a"), args), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return checked(new Run(code, out.toString(), err.toString()), args);
    }

    /** Laptop B: a second JVM, started for each command, holding B's store. */
    private Run b(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(withDataDir(dir.resolve("b"), args)));
        Path out = Files.createTempFile(dir, "b-out", ".txt");
        Path err = Files.createTempFile(dir, "b-err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("laptop B's JVM ends: " + String.join(" ", args))
                .isTrue();
        return checked(new Run(process.exitValue(), Files.readString(out), Files.readString(err)), args);
    }

    private static Run checked(Run r, String... args) {
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    private static String[] withDataDir(Path data, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    private static String[] staff(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "shelter";
        all[1] = args[0];
        all[2] = "--clerk=staff";
        System.arraycopy(args, 1, all, 3, args.length - 1);
        return all;
    }

    private static final String[] CREATE = {"store", "create", "--clerk", "admin", "--name", "管理者"};
    private static final String[] ADD_STAFF = {"store", "add-clerk", "--clerk", "admin", "staff", "--role",
        "SHELTER_STAFF", "--name", "避難所 花子"};
    private static final String STAFF_IN = STAFF + "\n" + SHELTER_KEY + "\n";

    @Test
    void twoLaptopsInTwoJvmsExchangeBothWaysConvergeAndReportTheConflict() throws Exception {
        a(ADMIN + "\n" + ADMIN + "\n", CREATE);
        a(ADMIN + "\n" + STAFF + "\n" + STAFF + "\n", ADD_STAFF);
        b(ADMIN + "\n" + ADMIN + "\n", CREATE);
        b(ADMIN + "\n" + STAFF + "\n" + STAFF + "\n", ADD_STAFF);
        for (String shelter : List.of("S1", "S2")) {
            String[] create = staff("create", "--id", shelter, "--name", "避難所 " + shelter, "--space", "体育館");
            a(STAFF_IN, create);
            b(STAFF_IN, create);
        }

        Path backlogA = dir.resolve("a.jsonl");
        Files.writeString(backlogA, "{\"household\": \"H-A1\", \"members\": [{\"name\": \"青木　一郎\", \"kana\":"
                + " \"アオキ　イチロウ\", \"birthDate\": \"1950-01-02\", \"sex\": \"M\"}, {\"name\": \"青木　花子\","
                + " \"kana\": \"アオキ　ハナコ\", \"birthDate\": \"1952-03-04\", \"sex\": \"F\"}]}\n");
        assertThat(a(STAFF_IN, staff("check-in", "--shelter", "S1", "--data", backlogA.toString())).out())
                .contains("checked in 1 households (2 people)");
        Path a1 = dir.resolve("a1.mdgx");
        String fingerprintA = fingerprint(a(STAFF_IN, staff("export", a1.toString(), "--municipality", TOWN)));

        assertThat(b(STAFF_IN, staff("import", a1.toString(), "--municipality", TOWN, "--trust", fingerprintA))
                .out()).contains("imported 2 of 2 events");
        Path backlogB = dir.resolve("b.jsonl");
        Files.writeString(backlogB, "{\"household\": \"H-B1\", \"stay\": \"car\", \"vehicle\": \"品川500あ1234\","
                + " \"members\": [{\"name\": \"馬場　次郎\", \"kana\": \"ババ　ジロウ\", \"birthDate\": \"1980-05-06\","
                + " \"sex\": \"M\"}]}\n");
        assertThat(b(STAFF_IN, staff("check-in", "--shelter", "S1", "--data", backlogB.toString())).out())
                .contains("checked in 1 households (1 people)");

        // before the next files cross: A checks 青木 一郎 out, B transfers him to S2 (check-out and check-in)
        String ichiro = personId(JSON.readTree(a(STAFF_IN, staff("present", "--shelter", "S1", "--json")).out()),
                "青木　一郎");
        a(STAFF_IN, staff("check-out", "--shelter", "S1", "--person", ichiro, "--to", "home"));
        b(STAFF_IN, staff("check-out", "--shelter", "S1", "--person", ichiro, "--to", "other-shelter", "--target",
                "S2"));

        Path b1 = dir.resolve("b1.mdgx");
        String fingerprintB = fingerprint(b(STAFF_IN, staff("export", b1.toString(), "--municipality", TOWN)));
        Path a2 = dir.resolve("a2.mdgx");
        a(STAFF_IN, staff("export", a2.toString(), "--municipality", TOWN));

        Run intoA = a(STAFF_IN, staff("import", b1.toString(), "--municipality", TOWN, "--trust", fingerprintB));
        assertThat(intoA.out()).as("B's file holds A's two events too").contains("imported 3 of 5 events")
                .contains("2 already held").contains("1 conflicts");
        assertThat(intoA.err()).contains("conflict: S1 " + ichiro + " shelter.checked-out");
        Run intoB = b(STAFF_IN, staff("import", a2.toString(), "--municipality", TOWN));
        assertThat(intoB.out()).contains("imported 1 of 3 events").contains("2 already held")
                .contains("1 conflicts");
        assertThat(intoB.err()).contains("conflict: S1 " + ichiro + " shelter.checked-out");

        // overlapping files again, both ways: nothing changes
        assertThat(b(STAFF_IN, staff("import", a2.toString(), "--municipality", TOWN)).out())
                .contains("imported 0 of 3 events").contains("0 conflicts");
        assertThat(a(STAFF_IN, staff("import", b1.toString(), "--municipality", TOWN)).out())
                .contains("imported 0 of 5 events").contains("0 conflicts");

        for (String shelter : List.of("S1", "S2")) {
            String onA = a(STAFF_IN, staff("present", "--shelter", shelter, "--json")).out();
            String onB = b(STAFF_IN, staff("present", "--shelter", shelter, "--json")).out();
            assertThat(onB).as("the same present list of " + shelter + " on both laptops").isEqualTo(onA);
        }
        JsonNode s1 = JSON.readTree(a(STAFF_IN, staff("present", "--shelter", "S1", "--json")).out());
        assertThat(s1.path("present").asInt()).as("青木 花子 and 馬場 次郎").isEqualTo(2);
        assertThat(s1.path("people").toString()).doesNotContain(ichiro);
        JsonNode s2 = JSON.readTree(a(STAFF_IN, staff("present", "--shelter", "S2", "--json")).out());
        assertThat(personId(s2, "青木　一郎")).as("B's transfer check-in stands, in the order").isEqualTo(ichiro);
    }

    private static String fingerprint(Run export) {
        Matcher m = Pattern.compile("fingerprint (\\S+)").matcher(export.out());
        assertThat(m.find()).as(export.out()).isTrue();
        return m.group(1);
    }

    private static String personId(JsonNode present, String name) {
        for (JsonNode p : present.path("people")) {
            if (p.path("name").asText().equals(name)) {
                return p.path("personId").asText();
            }
        }
        throw new AssertionError(name + " is not present");
    }
}
