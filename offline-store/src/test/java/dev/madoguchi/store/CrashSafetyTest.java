package dev.madoguchi.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.domain.MyNumber;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers in a child JVM are killed with SIGKILL ({@link Process#destroyForcibly()}) at random moments; after each kill
 * the store is reopened and must hold every acknowledged write, no half-written transaction, and an intact audit chain.
 */
class CrashSafetyTest {

    private static final int KILLS = 50;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesSigkillAndNothingHalfWrittenIsVisible() throws Exception {
        Path store = dir.resolve("store");
        TestStores.createWithClerks(store).close();
        Random random = new Random(20261123L);
        Set<String> acknowledged = new HashSet<>();
        int killsWhileWriting = 0;
        for (int run = 0; run < KILLS; run++) {
            Path acks = dir.resolve("acks-" + run + ".txt");
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    Writer.class.getName(), store.toString(), Integer.toString(run))
                    .redirectOutput(acks.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            // most kills land while transactions are being written; some during start-up, open and migration
            boolean duringWrites = random.nextInt(10) > 0;
            if (duringWrites) {
                waitForLine(acks, writer, "ready");
            }
            Thread.sleep(duringWrites ? random.nextInt(250) : random.nextInt(600));
            writer.destroyForcibly();
            assertThat(writer.waitFor(20, TimeUnit.SECONDS)).isTrue();

            List<String> lines = Files.readAllLines(acks, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith("ack ")) {
                    acknowledged.add(line.substring(4));
                }
            }
            killsWhileWriting += lines.contains("ready") && lines.size() > 1 ? 1 : 0;
            checkStore(store, acknowledged);
        }
        assertThat(acknowledged).as("the writers acknowledged writes").hasSizeGreaterThan(KILLS);
        assertThat(killsWhileWriting).as("kills that interrupted a run of writes").isGreaterThan(KILLS / 2);
    }

    private static void checkStore(Path store, Set<String> acknowledged) throws Exception {
        try (LocalStore opened = TestStores.openAs(store, TestStores.ADMIN, TestStores.ADMIN_PASSPHRASE);
                Connection c = TestStores.raw(opened);
                Statement s = c.createStatement()) {
            Set<String> present = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT CAST(case_id AS VARCHAR) FROM counter_case")) {
                while (rs.next()) {
                    present.add("case " + rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT CAST(event_id AS VARCHAR) FROM shelter_log")) {
                while (rs.next()) {
                    present.add("shelter " + rs.getString(1));
                }
            }
            assertThat(present).as("every acknowledged write is present").containsAll(acknowledged);

            // each transaction wrote a domain row, one outbox row and one audit row: all three or none
            Map<String, Integer> outboxPerCase = counts(s, "SELECT aggregate_id FROM outbox WHERE aggregate_type = 'case'");
            Map<String, Integer> auditPerCase = counts(s, "SELECT detail FROM audit_entry WHERE action = 'OPEN_CASE'");
            Set<String> cases = new HashSet<>();
            for (String p : present) {
                if (p.startsWith("case ")) {
                    cases.add(p.substring(5));
                }
            }
            assertThat(outboxPerCase.keySet()).isEqualTo(cases);
            assertThat(auditPerCase.keySet()).isEqualTo(cases);
            assertThat(outboxPerCase.values()).allMatch(n -> n == 1);
            assertThat(auditPerCase.values()).allMatch(n -> n == 1);
            long shelterEvents = present.size() - cases.size();
            assertThat(count(s, "SELECT COUNT(*) FROM outbox WHERE aggregate_type = 'shelter'")).isEqualTo(shelterEvents);
            assertThat(count(s, "SELECT COUNT(*) FROM audit_entry WHERE action = 'SHELTER_CHECK_IN'")).isEqualTo(shelterEvents);

            assertThat(opened.audit().verify().intact()).as("the audit chain verifies").isTrue();
        }
    }

    private static Map<String, Integer> counts(Statement s, String sql) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.merge(rs.getString(1), 1, Integer::sum);
            }
        }
        return out;
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void waitForLine(Path file, Process process, String line) throws Exception {
        for (int i = 0; i < 3000 && process.isAlive(); i++) {
            if (Files.readAllLines(file, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the writer did not start");
    }

    /** Runs in the child JVM: writes cases and shelter check-ins until killed, acknowledging each after commit. */
    public static final class Writer {
        public static void main(String[] args) {
            PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                    StandardCharsets.UTF_8);
            String run = args[1];
            try (LocalStore store = TestStores.openAs(Path.of(args[0]), TestStores.ADMIN, TestStores.ADMIN_PASSPHRASE)) {
                out.println("ready");
                MyNumber myNumber = MyNumber.fromFirstElevenDigits("12345678901");
                String forms = "{\"forms\":\"" + "x".repeat(2_000) + "\"}";
                for (int i = 0; ; i++) {
                    if (i % 3 == 2) {
                        var id = TestStores.checkIn(store, "S" + run, "E" + i, "F" + i, null, "避難者 " + i);
                        out.println("ack shelter " + id);
                    } else {
                        var id = store.cases().open("R" + i, "転入", forms, i % 2 == 0 ? myNumber : null);
                        out.println("ack case " + id);
                    }
                }
            }
        }
    }
}
