package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.madoguchi.app.Main;
import dev.madoguchi.app.shelter.roster.RosterRows;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shelter commands end to end through Main, on real stores in temporary data directories. */
class ShelterCommandTest {

    private static final String ADMIN = "admin passphrase 1";
    private static final String STAFF = "shelter passphrase 1";
    private static final String COUNTER = "counter passphrase 1";
    private static final String SHELTER_KEY = "体育館の受け渡し 2026";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final InputStream originalIn = System.in;

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    private Run run(Path data, String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Run ok(Path data, String stdin, String... args) {
        Run r = run(data, stdin, args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    private Run staff(Path data, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "shelter";
        all[1] = args[0];
        all[2] = "--clerk=staff";
        System.arraycopy(args, 1, all, 3, args.length - 1);
        return run(data, STAFF + "\n" + SHELTER_KEY + "\n", all);
    }

    /** A store with an administrator, a shelter-staff clerk, a counter clerk and the shelter S1. */
    private Path laptop(String name) {
        Path data = dir.resolve(name);
        ok(data, ADMIN + "\n" + ADMIN + "\n", "store", "create", "--clerk", "admin", "--name", "管理者");
        ok(data, ADMIN + "\n" + STAFF + "\n" + STAFF + "\n", "store", "add-clerk", "--clerk", "admin", "staff",
                "--role", "SHELTER_STAFF", "--name", "避難所 花子");
        ok(data, ADMIN + "\n" + COUNTER + "\n" + COUNTER + "\n", "store", "add-clerk", "--clerk", "admin", "counter",
                "--role", "CLERK", "--name", "窓口 一郎");
        return data;
    }

    @Test
    void aShelterDroppedFromThePulledListIsListedAsWithdrawnAndTakesNoCheckIn() throws Exception {
        Path a = laptop("w");
        var s1 = new dev.madoguchi.domain.shelter.Shelter("S1", "第一小学校", "", 300, 200, List.of(), java.util.Set.of());
        var s2 = new dev.madoguchi.domain.shelter.Shelter("S2", "公民館", "", 40, 40, List.of(), java.util.Set.of());
        try (var store = dev.madoguchi.store.LocalStore.open(a.resolve("store"), "staff", STAFF.toCharArray(),
                dev.madoguchi.store.StoreOptions.defaults())) { // as the sync engine's pull would
            store.shelter().savePulledList("131016", List.of(s1, s2), true);
            store.shelter().savePulledList("131016", List.of(s1), true);
        }
        List<String> lines = staff(a, "list").out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("S1\t第一小学校\tday 300\tnight 200");
        assertThat(lines.get(1)).startsWith("S2\t公民館\tday 40\tnight 40\t市の一覧から外れました (withdrawn ")
                .endsWith(": no new check-ins)");
        JsonNode json = JSON.readTree(staff(a, "list", "--json").out());
        assertThat(json.get(0).has("withdrawnAt")).isFalse();
        assertThat(json.get(1).get("withdrawnAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

        Path backlog = dir.resolve("withdrawn.jsonl");
        Files.writeString(backlog, "{\"household\": \"H-1\", \"members\": [{\"name\": \"甲\"}]}\n");
        Run refused = staff(a, "check-in", "--shelter", "S2", "--data", backlog.toString());
        assertThat(refused.out() + refused.err()).contains("STORE-020");
        assertThat(JSON.readTree(staff(a, "present", "--shelter", "S2", "--json").out()).get("present").asInt())
                .isZero();
        assertThat(staff(a, "check-in", "--shelter", "S1", "--data", backlog.toString()).code()).isZero();
    }

    @Test
    void backlogCheckInPresentReportRosterCheckOutAndExchangeBetweenTwoLaptops() throws Exception {
        Path a = laptop("a");
        assertThat(staff(a, "create", "--id", "S1", "--name", "第一小学校", "--capacity", "300", "--space", "体育館")
                .code()).isZero();
        Path list = dir.resolve("shelters.csv");
        Files.writeString(list, "id,name,address,dayCapacity,nightCapacity,spaces,features\r\n"
                + "S2,\"第二中学校, 体育館\",架空市本町2-3,200,150,体育館|教室2,pets-allowed|accessible-toilet\r\n");
        assertThat(staff(a, "import-list", list.toString()).out()).contains("imported 1 shelters");
        assertThat(staff(a, "list").out()).contains("S1\t第一小学校").contains("S2\t第二中学校, 体育館");

        Path backlog = dir.resolve("backlog.jsonl");
        int age = 80;
        Files.writeString(backlog, String.join("\n",
                "{\"household\": \"H-017\", \"stay\": \"shelter\", \"space\": \"体育館\", \"pets\": [{\"species\": \"犬\","
                        + " \"count\": 1}], \"vehicle\": \"品川500あ1234\", \"members\": [{\"name\": \"髙﨑　𠮷子\","
                        + " \"kana\": \"タカサキ　ヨシコ\", \"birthDate\": \"" + LocalDate.now().minusYears(age)
                        + "\", \"sex\": \"F\", \"address\": \"架空市本町2丁目3番4号\", \"phone\": null, \"flags\":"
                        + " [\"elderly\", \"allergy:卵\"], \"consent\": {\"family\": true, \"acquaintances\": false,"
                        + " \"others\": false}}, {\"name\": \"髙﨑　一郎\", \"birthDate\": \"1975-02-03\", \"sex\": \"M\","
                        + " \"consent\": {\"family\": false, \"acquaintances\": true, \"others\": false}},"
                        + " {\"name\": \"髙﨑　花\", \"birthDate\": \"2024-05-05\", \"sex\": \"F\"}]}",
                "{\"household\": \"H-018\", \"stay\": \"car\", \"members\": [{\"name\": \"甲\", \"birthDate\": \"1990-13-01\"}]}",
                "{\"household\": \"H-019\", \"members\": [{\"kana\": \"オツ\"}]}",
                "{\"household\": \"H-020\", \"colour\": \"red\", \"members\": [{\"name\": \"丙\"}]}",
                "{\"household\": \"H-021\", \"members\": [{\"name\": \"髙﨑 𠮷子\", \"birthDate\": \""
                        + LocalDate.now().minusYears(age) + "\"}]}",
                "not json",
                "{\"household\": \"H-022\", \"stay\": \"home\", \"members\": [{\"name\": \"丁\", \"birthDate\":"
                        + " \"2001-01-01\", \"sex\": \"N\", \"flags\": [\"language:vi\"]}]}"));
        Run checkIn = staff(a, "check-in", "--shelter", "S1", "--data", backlog.toString());
        assertThat(checkIn.code()).isEqualTo(1);
        assertThat(checkIn.out()).contains("checked in 2 households (4 people); 5 lines flagged");
        assertThat(checkIn.err()).contains("line 2: members[1].birthDate: not a date")
                .contains("line 3: members[1].name: missing").contains("line 4: unknown key colour")
                .contains("line 5: members[1]: already present").contains("line 6: not a JSON object")
                .doesNotContain("髙﨑");

        JsonNode present = JSON.readTree(staff(a, "present", "--shelter", "S1", "--json").out());
        assertThat(present.path("shelter").asText()).isEqualTo("S1");
        assertThat(present.path("present").asInt()).isEqualTo(4);
        assertThat(present.path("households").asInt()).isEqualTo(2);
        assertThat(present.path("day").asInt()).isEqualTo(3);
        assertThat(present.path("night").asInt()).isEqualTo(3);
        assertThat(present.path("people")).hasSize(4);
        JsonNode yoshiko = find(present, "髙﨑　𠮷子");
        assertThat(yoshiko.path("flags").toString()).isEqualTo("[\"elderly\",\"allergy:卵\"]");
        assertThat(yoshiko.path("pets").get(0).path("species").asText()).isEqualTo("犬");
        assertThat(yoshiko.path("identifiedBy").asText()).isEqualTo("paper");

        JsonNode report = JSON.readTree(staff(a, "report", "--shelter", "S1", "--date",
                LocalDate.now(ZoneId.of("Asia/Tokyo")).toString(), "--json").out());
        assertThat(report.path("present").asInt()).isEqualTo(4);
        assertThat(report.path("byFlag").path("elderly").asInt()).isEqualTo(1);
        assertThat(report.path("byFlag").path("language").asInt()).isEqualTo(1);
        assertThat(report.path("pets").asInt()).isEqualTo(1);
        assertThat(report.path("vehicles").asInt()).isEqualTo(1);
        assertThat(report.path("byStay").path("shelter").asInt()).isEqualTo(3);
        assertThat(report.path("byStay").path("home").asInt()).isEqualTo(1);
        assertThat(report.path("ageBands").path("75-").path("F").asInt()).isEqualTo(1);
        assertThat(report.path("ageBands").path("0-5").path("total").asInt()).isEqualTo(1);
        assertThat(report.path("allergyMeals").path("卵").asInt()).isEqualTo(1);

        Path csv = dir.resolve("roster.csv");
        staff(a, "roster", "--shelter", "S1", "--format", "csv", "--bom", "--out", csv.toString());
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        List<List<String>> rows = ShelterListFile.csv(new String(bytes, StandardCharsets.UTF_8).substring(1));
        assertThat(rows.get(0)).isEqualTo(RosterRows.HEADER);
        assertThat(rows).hasSize(5);
        List<String> yoshikoRow = rows.stream().filter(r -> r.get(0).equals("髙﨑　𠮷子")).findFirst().orElseThrow();
        assertThat(yoshikoRow.get(4)).isEqualTo("架空市本町2丁目3番4号");
        assertThat(yoshikoRow.get(5)).isEqualTo("架空市本町2-3-4");
        String safety = staff(a, "roster", "--shelter", "S1", "--format", "csv", "--safety-answers").out();
        assertThat(safety).doesNotStartWith("\uFEFF");
        List<List<String>> answers = ShelterListFile.csv(safety);
        assertThat(answers).extracting(r -> r.get(0)).containsExactlyInAnyOrder("氏名", "髙﨑　𠮷子", "髙﨑　一郎");
        List<String> ichiro = answers.stream().filter(r -> r.get(0).equals("髙﨑　一郎")).findFirst().orElseThrow();
        assertThat(ichiro.get(2)).as("acquaintances get name, identity and injury only").isEmpty();
        assertThat(ichiro.get(8)).isEqualTo("無");

        String personId = yoshiko.path("personId").asText();
        assertThat(staff(a, "check-out", "--shelter", "S1", "--person", personId, "--to", "other-shelter",
                "--target", "S2").code()).isZero();
        assertThat(JSON.readTree(staff(a, "present", "--shelter", "S2", "--json").out()).path("present").asInt())
                .isEqualTo(1);

        Path file = dir.resolve("s1.mdgx");
        Run export = staff(a, "export", file.toString(), "--municipality", "132055");
        assertThat(export.out()).contains("exported 6 events");
        Matcher fp = Pattern.compile("fingerprint (\\S+)").matcher(export.out());
        assertThat(fp.find()).isTrue();

        Path b = laptop("b");
        Run unknown = staff(b, "import", file.toString(), "--municipality", "132055");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("STORE-015");
        Run other = staff(b, "import", file.toString(), "--municipality", "011002", "--trust", fp.group(1));
        assertThat(other.err()).contains("STORE-016");
        Run imported = staff(b, "import", file.toString(), "--municipality", "132055", "--trust", fp.group(1));
        assertThat(imported.out()).contains("imported 6 of 6 events");
        Run twice = staff(b, "import", file.toString(), "--municipality", "132055");
        assertThat(twice.out()).contains("imported 0 of 6 events").contains("6 already held");
        for (String shelter : List.of("S1", "S2")) {
            assertThat(staff(b, "present", "--shelter", shelter, "--json").out())
                    .isEqualTo(staff(a, "present", "--shelter", shelter, "--json").out());
        }
    }

    @Test
    void aCounterClerkIsRefusedEveryShelterCommand() {
        Path a = laptop("a");
        for (String[] args : List.of(new String[] {"list"}, new String[] {"present", "--shelter", "S1"},
                new String[] {"create", "--id", "S9", "--name", "x"})) {
            String[] all = new String[args.length + 2];
            all[0] = "shelter";
            all[1] = args[0];
            all[2] = "--clerk=counter";
            System.arraycopy(args, 1, all, 3, args.length - 1);
            Run r = run(a, COUNTER + "\n", all);
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("STORE-006");
        }
    }

    private static JsonNode find(JsonNode present, String name) {
        for (JsonNode p : present.path("people")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("not present");
    }
}
