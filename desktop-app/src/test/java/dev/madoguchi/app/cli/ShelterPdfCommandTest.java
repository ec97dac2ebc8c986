package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.Main;
import dev.madoguchi.app.pdf.PdfProbe;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.audit.AuditEntry;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shelter report --pdf} and {@code shelter roster --format pdf [--safety-answers]} end to end through Main on
 * a real store, the PDFs read back with poppler's pdftotext and pdffonts: what each holds, that consent is applied
 * to the safety-answer list, that the names print with their exact characters and that the exports are audited with
 * counts only.
 */
class ShelterPdfCommandTest {

    private static final String ADMIN = "admin passphrase 1";
    private static final String STAFF = "shelter passphrase 1";
    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
    private final InputStream originalIn = System.in;

    @TempDir
    Path dir;

    private Path data;

    private record Run(int code, String out, String err) {}

    @BeforeEach
    void laptopWithOneShelterAndTwoHouseholds() throws Exception {
        for (String tool : List.of("pdftotext", "pdffonts")) {
            PdfProbe.require(PdfProbe.installed(tool) && FontFiles.debian().firstMissing() == null,
                    tool + " (poppler-utils) and the fonts");
        }
        data = dir.resolve("laptop");
        ok(ADMIN + "\n" + ADMIN + "\n", "store", "create", "--clerk", "admin", "--name", "管理者");
        ok(ADMIN + "\n" + STAFF + "\n" + STAFF + "\n", "store", "add-clerk", "--clerk", "admin", "staff", "--role",
                "SHELTER_STAFF", "--name", "避難所 花子");
        ok(STAFF + "\n", "shelter", "create", "--clerk=staff", "--id", "S1", "--name", "第一小学校", "--capacity", "300",
                "--address", "架空市本町1-1", "--space", "体育館");
        Path backlog = dir.resolve("backlog.jsonl");
        Files.writeString(backlog, String.join("\n",
                "{\"household\": \"H-017\", \"stay\": \"shelter\", \"space\": \"体育館\", \"pets\": [{\"species\": \"犬\","
                        + " \"count\": 1}], \"vehicle\": \"品川500あ1234\", \"members\": [{\"name\": \"髙﨑　𠮷子\","
                        + " \"kana\": \"タカサキ　ヨシコ\", \"birthDate\": \"1938-04-01\", \"sex\": \"F\", \"address\":"
                        + " \"架空市本町2丁目3番4号\", \"flags\": [\"elderly\", \"allergy:卵\"], \"consent\":"
                        + " {\"family\": true, \"acquaintances\": false, \"others\": false}}, {\"name\": \"髙﨑　一郎\","
                        + " \"kana\": \"タカサキ　イチロウ\", \"birthDate\": \"1975-02-03\", \"sex\": \"M\", \"address\":"
                        + " \"架空市本町2丁目3番4号\", \"consent\": {\"family\": false, \"acquaintances\": true,"
                        + " \"others\": false}}]}",
                "{\"household\": \"H-018\", \"stay\": \"car\", \"members\": [{\"name\": \"拒否　太郎\", \"kana\":"
                        + " \"キョヒ　タロウ\", \"birthDate\": \"2001-01-01\", \"sex\": \"M\", \"address\": \"架空市北町9\","
                        + " \"flags\": [\"language:vi\"], \"consent\": {\"family\": false, \"acquaintances\": false,"
                        + " \"others\": false}}]}"));
        ok(STAFF + "\n", "shelter", "check-in", "--clerk=staff", "--shelter", "S1", "--data", backlog.toString());
    }

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    private Run run(String stdin, String... args) {
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

    private Run ok(String stdin, String... args) {
        Run r = run(stdin, args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    /** The text without spaces: pdftotext writes gaps as spaces, an ideographic space as one or more of them. */
    private static String text(Path pdf) throws Exception {
        return PdfProbe.textWithoutSpaces(pdf);
    }

    private static void embeddedSubsets(Path pdf, String... faces) throws Exception {
        List<String> fonts = PdfProbe.tool("pdffonts", pdf.toString()).lines().skip(2).toList();
        assertThat(fonts).isNotEmpty().allMatch(l -> l.matches("[A-Z]{6}\\+\\S+\\s+CID TrueType\\s+Identity-H\\s+yes"
                + "\\s+yes\\s+yes\\s.*"), "every font embedded as a subset");
        for (String face : faces) {
            assertThat(fonts).anyMatch(l -> l.contains("+" + face + " "));
        }
    }

    private List<AuditEntry> exports() throws Exception {
        try (LocalStore store = LocalStore.open(AppPaths.resolve(data).storeDirectory(), "admin",
                ADMIN.toCharArray(), StoreOptions.defaults())) {
            return store.audit().tail(50).stream().filter(e -> e.action() == AuditAction.EXPORT).toList();
        }
    }

    @Test
    void theDailyReportPdfHoldsTheCountsAndNoNames() throws Exception {
        Path pdf = dir.resolve("out/report.pdf");
        Run r = ok(STAFF + "\n", "shelter", "report", "--clerk=staff", "--shelter", "S1", "--date", TODAY, "--pdf",
                pdf.toString());
        assertThat(r.out()).contains("report.pdf: 1 page");
        String text = text(pdf);
        assertThat(text).contains("避難所状況報告（日報）", "第一小学校（S1）", "架空市本町1-1", "報告日" + TODAY)
                .contains("避難者数（在所者）3", "世帯数2", "昼間の在所者3", "夜間の在所者3", "収容可能人数（昼/夜）300/300")
                .contains("75歳以上0101", "18〜64歳2002", "計2103")
                .contains("高齢者1", "アレルギー1", "言語の支援1", "避難所内2", "車中泊1")
                .contains("ペット（頭数の合計）1", "うち犬1", "車両（車のある世帯）1")
                .contains("アレルギー対応食（卵）1", "言語の支援（vi）1", "1/1");
        assertThat(text).doesNotContain("髙﨑", "拒否", "タカサキ");
        embeddedSubsets(pdf, "IPAexGothic");
        assertThat(exports()).anyMatch(e -> e.detail().equals("daily report " + TODAY + " pdf of 1 rows"));
    }

    @Test
    void theRosterPdfListsEveryoneWithExactNamesAndTheSafetyAnswerListLeavesOutRefusedConsent() throws Exception {
        Path full = dir.resolve("roster.pdf");
        Run r = ok(STAFF + "\n", "shelter", "roster", "--clerk=staff", "--shelter", "S1", "--format", "pdf", "--out",
                full.toString());
        assertThat(r.out()).contains("roster.pdf: 1 page");
        String all = text(full);
        assertThat(all).contains("避難者名簿（職員用）", "髙﨑𠮷子", "髙﨑一郎", "拒否太郎", "タカサキヨシコ", "キョヒタロウ",
                "架空市本町2丁目3番4号", "1938-04-01", "氏名", "フリガナ", "3人", "1/1");
        assertThat(all).doesNotContain("架空市本町2-3-4"); // the normalised address is for the CSV only
        embeddedSubsets(full, "IPAmjMincho", "IPAexGothic");

        Path safety = dir.resolve("safety.pdf");
        ok(STAFF + "\n", "shelter", "roster", "--clerk=staff", "--shelter", "S1", "--format", "pdf",
                "--safety-answers", "--out", safety.toString());
        String answers = text(safety);
        assertThat(answers).contains("安否情報の回答に用いる名簿", "髙﨑𠮷子", "タカサキヨシコ", "髙﨑一郎", "2人");
        assertThat(answers).as("refused consent: absent").doesNotContain("拒否", "キョヒ", "架空市北町9");
        assertThat(answers).as("acquaintances only: name, identity and injury, nothing else")
                .doesNotContain("タカサキイチロウ", "1975-02-03");

        List<AuditEntry> exports = exports();
        assertThat(exports).extracting(AuditEntry::detail).contains("roster pdf of 3 rows",
                "safety-answer roster pdf of 2 rows");
        assertThat(exports).extracting(AuditEntry::detail).noneMatch(d -> d.contains("髙﨑") || d.contains("拒否"));
    }

    @Test
    void aPdfWithoutAFileOrWithJsonIsAUsageError() {
        Run noOut = run(STAFF + "\n", "shelter", "roster", "--clerk=staff", "--shelter", "S1", "--format", "pdf");
        assertThat(noOut.code()).isEqualTo(2);
        assertThat(noOut.err()).contains("--format pdf needs --out FILE");
        Run both = run(STAFF + "\n", "shelter", "report", "--clerk=staff", "--shelter", "S1", "--date", TODAY,
                "--json", "--pdf", dir.resolve("x.pdf").toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--pdf FILE is the output");
        assertThat(Files.exists(dir.resolve("x.pdf"))).isFalse();
    }
}
