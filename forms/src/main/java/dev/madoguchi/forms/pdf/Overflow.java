package dev.madoguchi.forms.pdf;

/**
 * A value that did not fit its box even at the smallest size and wrapped: the page shows what fits and a red ▶ marker
 * at the box's bottom-right corner; nothing is cut off silently.
 *
 * @param printedCodePoints how many code points were printed
 * @param totalCodePoints how many the value has
 */
public record Overflow(String fieldId, int printedCodePoints, int totalCodePoints) {
}
