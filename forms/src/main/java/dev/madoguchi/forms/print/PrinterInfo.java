package dev.madoguchi.forms.print;

/** A printer the operating system offers: its name (what {@code --printer} takes) and whether it is the default. */
public record PrinterInfo(String name, boolean isDefault) {
}
