package dev.madoguchi.app.shelter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.PrintDestination;
import dev.madoguchi.app.pdf.PdfProbe;
import dev.madoguchi.app.shelter.report.ReportPrinting;
import dev.madoguchi.app.shelter.roster.RosterRows;
import dev.madoguchi.app.shelter.roster.RosterViewModel;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.print.FormPrinter;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.audit.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 名簿・安否情報 tab's view model on the real store: the CSV in 様式第1号 order, with and without BOM, re-parsed;
 * the 安否情報 answer list leaves out who consented to nothing and keeps only name, identification and injury for
 * someone who consented to acquaintances only (the command's rows); the PDF with the forms' fonts (pdftotext);
 * every export audited as the command audits it; a file that cannot be written is said in words with its code.
 */
class ShelterRosterViewModelTest {

    @TempDir
    Path dir;

    ShelterFixture fixture;
    RosterViewModel roster;

    @BeforeEach
    void setUp() {
        fixture = new ShelterFixture(dir);
        fixture.records.saveShelter(new Shelter("S-R", "第二中学校", "架空市本町2-1", 100, 80, List.of("体育館"),
                Set.of()));
        fixture.steps.desk().chooseShelter(fixture.records.shelters().stream().filter(s -> s.id().equals("S-R"))
                .findFirst().orElseThrow());
        fixture.records.checkIn("S-R", new Arrival("H-1", Stay.SHELTER, "体育館", List.of(), "", List.of(
                person("P-1", "髙﨑　𠮷子", "タカサキ　ヨシコ", "本町２－３－４", new Consent(true, true, true)),
                person("P-2", "髙﨑　一郎", "タカサキ　イチロウ", "本町2丁目3番4号", new Consent(false, false, false)),
                person("P-3", "佐藤, \"健\"", "サトウ　ケン", "本町二丁目3の4", new Consent(false, true, false)))));
        roster = fixture.steps.roster();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static Evacuee person(String id, String name, String kana, String address, Consent consent) {
        return new Evacuee(id, name, kana, LocalDate.of(1950, 4, 1), Sex.FEMALE, address, "090-0000-0000", "",
                IdentifiedBy.MANUAL, List.of(), "", consent);
    }

    private List<String> audits() {
        return fixture.store.store().orElseThrow().audit().tail(20).stream()
                .filter(e -> e.action() == AuditAction.EXPORT).map(AuditEntry::detail).toList();
    }

    @Test
    void theStaffRosterCsvWithBomHasTheColumnsOfForm1AndEveryonePresent() throws Exception {
        assertThat(roster.pdfOfferedProperty().get()).as("no renderer given: CSV only").isFalse();
        assertThat(roster.pdfProperty().get()).isFalse();
        assertThat(roster.bomProperty().get()).as("BOM for spreadsheets by default").isTrue();
        Path file = roster.suggestedFile();
        assertThat(file.getFileName().toString()).isEqualTo("roster-S-R-2026-11-20.csv").doesNotContain("髙");
        roster.export(file);
        assertThat(roster.errorProperty().get()).isEmpty();
        assertThat(roster.messageProperty().get()).contains("職員用名簿（3 人）").contains(file.toString());
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
        List<List<String>> rows = parse(new String(bytes, StandardCharsets.UTF_8).substring(1));
        assertThat(rows.get(0)).isEqualTo(RosterRows.HEADER);
        assertThat(rows.get(0)).startsWith("氏名", "フリガナ", "出生の年月日", "男女の別", "住所", "住所（正規化）");
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(1, 4)).allSatisfy(r -> assertThat(r).hasSize(RosterRows.HEADER.size()));
        assertThat(rows.stream().map(r -> r.get(0))).contains("髙﨑　𠮷子", "佐藤, \"健\"");
        assertThat(rows.stream().skip(1).map(r -> r.get(5)).distinct()).as("one normalised address")
                .containsExactly("本町2-3-4");
        assertThat(audits()).contains("roster csv of 3 rows");
        assertThat(fixture.tasks.lanesUsed()).contains("store-writer:shelter roster rows",
                "background:shelter roster file", "store-writer:shelter roster audit");
    }

    @Test
    void theSafetyAnswerCsvAppliesConsentAndPlainUtf8HasNoBom() throws Exception {
        roster.safetyAnswersProperty().set(true);
        roster.bomProperty().set(false);
        Path file = roster.suggestedFile();
        assertThat(file.getFileName().toString()).startsWith("safety-answers-S-R-");
        roster.export(file);
        assertThat(roster.errorProperty().get()).isEmpty();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).doesNotStartWith("\uFEFF").doesNotContain("髙﨑　一郎");
        List<List<String>> rows = parse(text);
        assertThat(rows).hasSize(3);
        List<String> full = rows.stream().filter(r -> r.get(0).equals("髙﨑　𠮷子")).findFirst().orElseThrow();
        assertThat(full.get(1)).isEqualTo("タカサキ　ヨシコ");
        List<String> acquaintances = rows.stream().filter(r -> r.get(0).startsWith("佐藤")).findFirst().orElseThrow();
        assertThat(acquaintances.get(1)).as("⑬ only: no kana").isEmpty();
        assertThat(acquaintances.get(4)).as("⑬ only: no address").isEmpty();
        assertThat(acquaintances.get(11)).as("⑬ only: no phone").isEmpty();
        assertThat(acquaintances.get(7)).contains("P-3");
        assertThat(acquaintances.subList(12, 15)).containsExactly("不同意", "同意", "不同意");
        assertThat(audits()).contains("safety-answer roster csv of 2 rows");
    }

    @Test
    void thePdfIsTheCommandsDocumentWithTheFormsFonts() throws Exception {
        PdfProbe.require(PdfProbe.installed("pdftotext") && FontFiles.debian().firstMissing() == null,
                "pdftotext (poppler-utils) or the Debian fonts");
        roster.printingWith(new ReportPrinting(FontFiles.debian(), new FormPrinter(),
                () -> new PrintDestination.Folder(dir), fixture.clock));
        assertThat(roster.pdfProperty().get()).isTrue();
        roster.safetyAnswersProperty().set(true);
        Path file = roster.suggestedFile();
        assertThat(file.getFileName().toString()).endsWith(".pdf");
        roster.export(file);
        assertThat(roster.errorProperty().get()).isEmpty();
        assertThat(roster.messageProperty().get()).contains("安否情報の回答用名簿（2 人・1 ページ）");
        String text = PdfProbe.textWithoutSpaces(file);
        assertThat(text).contains("安否情報の回答に用いる名簿", "髙﨑𠮷子").doesNotContain("髙﨑一郎");
        assertThat(audits()).contains("safety-answer roster pdf of 2 rows");
    }

    @Test
    void aFileThatCannotBeWrittenIsSaidInWordsAndNotAudited() throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "x");
        roster.export(blocker.resolve("roster.csv"));
        assertThat(roster.errorProperty().get()).contains("COUNTER-012").contains("書き込めません")
                .doesNotContain("Exception");
        roster.export(null);
        assertThat(roster.errorProperty().get()).contains("ファイルを選ぶか入力");
        assertThat(audits()).noneMatch(d -> d.contains("roster"));
    }

    /** RFC 4180 with CRLF line ends, as written. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(cell.length() + row.size()).as("the file ends with CRLF").isZero();
        return rows;
    }
}
