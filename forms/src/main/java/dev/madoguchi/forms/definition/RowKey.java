package dev.madoguchi.forms.definition;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key of a value in a repeated group's row: {@code group.row.field} with a 1-based row, e.g. {@code movers.2.name}.
 * Filled forms keep row values under these keys next to the form's own fields; data files and the QR payload write
 * them as an array of objects under the group's id instead. Field and group ids never contain a dot.
 */
public record RowKey(String group, int row, String field) {

    private static final Pattern KEY = Pattern.compile("([^.]+)\\.([1-9][0-9]{0,3})\\.([^.]+)");

    public RowKey {
        if (row < 1) {
            throw new IllegalArgumentException("rows are counted from 1");
        }
    }

    /** The row key in {@code key}, or {@code null} when it is a plain field id. */
    public static RowKey parse(String key) {
        Matcher m = KEY.matcher(key);
        return m.matches() ? new RowKey(m.group(1), Integer.parseInt(m.group(2)), m.group(3)) : null;
    }

    @Override
    public String toString() {
        return group + "." + row + "." + field;
    }
}
