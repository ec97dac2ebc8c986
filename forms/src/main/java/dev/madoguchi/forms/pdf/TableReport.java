package dev.madoguchi.forms.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A printable A4 report that is not a form: a title block, header fields, then tables (each with an optional caption
 * and a header row) and notes, printed by {@link TableReportRenderer}. Values are plain text; nothing here knows where
 * they came from.
 *
 * @param title the title, large, on the first page; small at the top of the later pages
 * @param landscape A4 landscape (wide tables such as a roster) instead of portrait
 * @param fields label–value pairs under the title (for example 避難所, 対象日, 作成日時)
 * @param blocks the tables and notes, in order
 * @param footer a short line at the foot of every page, left of the page number (for example the program and the
 *     time made); may be empty
 */
public record TableReport(String title, boolean landscape, List<Field> fields, List<Block> blocks, String footer) {

    public TableReport {
        Objects.requireNonNull(title, "title");
        fields = List.copyOf(fields);
        blocks = List.copyOf(blocks);
        footer = footer == null ? "" : footer;
    }

    /** A header field: label and value. */
    public record Field(String label, String value) {
        public Field {
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
        }
    }

    /** What follows the header: a table or a note. */
    public sealed interface Block permits Table, Note {
    }

    /** A paragraph of small text (an explanation under a table, what was left out). */
    public record Note(String text) implements Block {
        public Note {
            Objects.requireNonNull(text, "text");
        }
    }

    /** How a column's text sits in its cells. */
    public enum Align { LEFT, RIGHT, CENTER }

    /**
     * A column.
     *
     * @param header the header cell's text
     * @param weight the column's share of the table width (relative to the other columns)
     * @param align how the cells' text sits
     * @param names whether the column holds names or addresses: printed with IPAmj明朝 first (MJ characters such as
     *     𠮷 髙 﨑 print exactly); other columns with IPAex明朝 first
     */
    public record Column(String header, float weight, Align align, boolean names) {
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(align, "align");
            if (!(weight > 0)) {
                throw new IllegalArgumentException("a column's weight is positive: " + header);
            }
        }

        public static Column text(String header, float weight) {
            return new Column(header, weight, Align.LEFT, false);
        }

        public static Column name(String header, float weight) {
            return new Column(header, weight, Align.LEFT, true);
        }

        public static Column number(String header, float weight) {
            return new Column(header, weight, Align.RIGHT, false);
        }
    }

    /**
     * A table: its header row is printed again at the top of every page the table continues on; a row taller than
     * what is left of a page starts the next page (a row is never split, except one taller than a whole page).
     *
     * @param caption a heading above the table; may be empty
     * @param rows each row has exactly one cell per column ({@code null} prints as empty)
     */
    public record Table(String caption, List<Column> columns, List<List<String>> rows) implements Block {
        public Table {
            caption = caption == null ? "" : caption;
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a table has at least one column");
            }
            List<List<String>> copied = new ArrayList<>(rows.size());
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("a row of table '" + caption + "' has " + row.size()
                            + " cells for " + columns.size() + " columns");
                }
                List<String> cells = new ArrayList<>(row.size());
                for (String cell : row) {
                    cells.add(cell == null ? "" : cell);
                }
                copied.add(List.copyOf(cells));
            }
            rows = List.copyOf(copied);
        }
    }
}
