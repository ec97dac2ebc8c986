package dev.madoguchi.forms.definition;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a field prints on an A4 page, in millimetres from the page's top-left corner.
 *
 * @param page 1-based page number; absent (0) in the fields of a repeated group, whose boxes are relative to the row
 * @param fontSize the value's font size in points; 0 means the default (11 pt); long text is shrunk and then wrapped
 */
public record Box(int page, @JsonProperty(required = true) double x,
        @JsonProperty(required = true) double y, @JsonProperty(required = true) double w,
        @JsonProperty(required = true) double h, double fontSize) {

    public static final double A4_WIDTH_MM = 210;
    public static final double A4_HEIGHT_MM = 297;

    public boolean fitsOnA4() {
        return x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= A4_WIDTH_MM && y + h <= A4_HEIGHT_MM;
    }
}
