package dev.madoguchi.forms.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.forms.ExternalTools;
import dev.madoguchi.forms.pdf.TableReport.Column;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table report renderer, read back with poppler's pdftotext and pdffonts. */
class TableReportRendererTest {

    @TempDir
    Path dir;

    @BeforeEach
    void tools() {
        ExternalTools.require("pdftotext", "poppler-utils");
        ExternalTools.require("pdffonts", "poppler-utils");
    }

    private static TableReport longTable(int rows, boolean landscape) {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            cells.add(List.of(String.format("R%04d", i), i % 3 == 0 ? "髙﨑　𠮷子" : "山田　花子", "本町" + i + "丁目",
                    Integer.toString(i * 7)));
        }
        return new TableReport("試験の名簿", landscape,
                List.of(new TableReport.Field("避難所", "第一小学校"), new TableReport.Field("作成", "2026-12-07 18:30")),
                List.of(new TableReport.Table("一覧表", List.of(Column.text("番号欄", 1), Column.name("氏名欄", 2),
                        Column.name("住所欄", 3), Column.number("数量欄", 1)), cells),
                        new TableReport.Note("表の後の注記です。")),
                "Madoguchi 試験");
    }

    private String text(Path pdf) throws Exception {
        return ExternalTools.run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-");
    }

    /** pdftotext writes spaces where it sees gaps; the ideographic space comes back as one or more spaces */
    private static String compact(String text) {
        return text.replaceAll("[\\s\u3000]", "");
    }

    @Test
    void aLongTableBreaksAcrossPagesWithItsHeaderRowOnEveryPageAndNumberedPages() throws Exception {
        Path pdf = dir.resolve("long.pdf");
        RenderReport report = new TableReportRenderer(ExternalTools.fonts()).write(longTable(150, false), pdf);

        assertThat(report.isClean()).as(report.toString()).isTrue();
        assertThat(report.pages()).isGreaterThanOrEqualTo(3);
        String[] pages = text(pdf).split("\f");
        int m = report.pages();
        assertThat(pages.length).isGreaterThanOrEqualTo(m); // pdftotext ends each page with a form feed
        int previous = 0;
        for (int n = 1; n <= m; n++) {
            String page = pages[n - 1];
            assertThat(page).as("page %d", n).contains("番号欄", "氏名欄", "住所欄", "数量欄");
            assertThat(compact(page)).as("page %d", n).contains(n + "/" + m).contains("Madoguchi試験");
            if (n > 1) {
                assertThat(page).contains("一覧表（続き）").contains("試験の名簿");
            }
            // the rows of this page follow straight on from the last page's
            Matcher rows = Pattern.compile("R(\\d{4})").matcher(page);
            while (rows.find()) {
                int row = Integer.parseInt(rows.group(1));
                assertThat(row).as("row order on page %d", n).isEqualTo(previous + 1);
                previous = row;
            }
        }
        assertThat(previous).as("every row printed once").isEqualTo(150);
        assertThat(compact(pages[0])).contains("試験の名簿", "避難所", "第一小学校", "2026-12-0718:30");
        assertThat(pages[m - 1]).contains("表の後の注記です。");
        // header row once per page, not more
        assertThat(pages[1].split("氏名欄", -1)).hasSize(2);
    }

    @Test
    void namesPrintWithIpamjMinchoExactlyAndEveryFontIsAnEmbeddedSubset() throws Exception {
        Path pdf = dir.resolve("names.pdf");
        new TableReportRenderer(ExternalTools.fonts()).write(longTable(6, true), pdf);

        String text = compact(text(pdf));
        assertThat(text).contains("髙﨑𠮷子", "山田花子", "本町6丁目");
        String fonts = ExternalTools.run("pdffonts", pdf.toString());
        List<String> lines = fonts.lines().skip(2).toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).anyMatch(l -> l.matches("[A-Z]{6}\\+IPAmjMincho\\s.*"));
        assertThat(lines).anyMatch(l -> l.matches("[A-Z]{6}\\+IPAexGothic\\s.*"));
        for (String line : lines) {
            // name, type, encoding, emb, sub, uni: every font embedded as a subset with a ToUnicode map
            assertThat(line).as(line).matches("[A-Z]{6}\\+\\S+\\s+CID TrueType\\s+Identity-H\\s+yes\\s+yes\\s+yes\\s.*");
        }
    }

    @Test
    void aLandscapeReportIsA4Wide() throws Exception {
        Path pdf = dir.resolve("wide.pdf");
        new TableReportRenderer(ExternalTools.fonts()).write(longTable(3, true), pdf);
        String info = ExternalTools.run("pdfinfo", pdf.toString());
        assertThat(info).containsPattern("Page size:\\s+841\\.8\\d* x 595\\.2\\d* pts \\(A4\\)");
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes());
    }

    @Test
    void aTableWithNoRowsPrintsItsHeaderAndAWideCellWraps() throws Exception {
        Path pdf = dir.resolve("empty.pdf");
        String longValue = "とても長い値がここに入り、列の幅に収まらないので折り返して次の行に続きます。終わり";
        TableReport report = new TableReport("空の表", false, List.of(), List.of(
                new TableReport.Table("空", List.of(Column.text("見出しA", 1), Column.text("見出しB", 1)), List.of()),
                new TableReport.Table("長い", List.of(Column.text("見出しC", 1), Column.text("見出しD", 1)),
                        List.of(List.of("左", longValue)))), "");
        RenderReport result = new TableReportRenderer(ExternalTools.fonts()).write(report, pdf);
        assertThat(result.pages()).isEqualTo(1);
        String text = ExternalTools.run("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-");
        assertThat(compact(text)).contains("見出しA", "見出しB", "見出しC", "1/1");
        String joined = text.replaceAll("\\s", "");
        assertThat(joined).contains(longValue);
        long lines = text.lines().filter(l -> l.contains("とても") || l.contains("終わり")).count();
        assertThat(lines).as("the long value wrapped onto more than one line").isGreaterThanOrEqualTo(1);
        assertThat(text.lines().noneMatch(l -> l.contains(longValue))).isTrue();
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        assertThatThrownBy(() -> new TableReport.Table("x", List.of(Column.text("a", 1)), List.of(List.of("1", "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 cells for 1 columns");
    }
}
