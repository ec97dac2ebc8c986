package dev.madoguchi.app.counter;

import dev.madoguchi.forms.print.PrinterInfo;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Which printers the counter offers and which one it preselects: the printer recorded at setup when the print service
 * still has it, otherwise the default printer — and then {@link #missing()} names the recorded one, so the clerk is
 * told in words that it is gone (never a silent change). Without any printer the forms go to PDF files in a folder.
 *
 * @param printers the print service's printers, the default first; empty when forms go to files
 * @param preselected the printer chosen unless the clerk picks another; null for the default
 * @param missing the recorded printer the print service no longer has, or null
 * @param fallback where forms go when no printer is chosen (the default printer, or a folder)
 */
public record PrinterChoice(List<String> printers, String preselected, String missing, PrintDestination fallback) {

    public PrinterChoice {
        printers = List.copyOf(printers);
    }

    /**
     * @param found the print service's printers (asked on the background lane)
     * @param recorded the printer recorded at setup, or null
     * @param folderWhenNone where PDF files go when there is no printer
     */
    public static PrinterChoice of(List<PrinterInfo> found, String recorded, Path folderWhenNone) {
        List<String> names = found.stream().sorted(Comparator.comparing(p -> !p.isDefault()))
                .map(PrinterInfo::name).toList();
        String wanted = recorded == null || recorded.isBlank() ? null : recorded;
        if (names.isEmpty()) {
            return new PrinterChoice(List.of(), null, wanted, new PrintDestination.Folder(folderWhenNone));
        }
        if (wanted != null && names.contains(wanted)) {
            return new PrinterChoice(names, wanted, null, new PrintDestination.Printer(null));
        }
        String standard = found.stream().filter(PrinterInfo::isDefault).map(PrinterInfo::name).findFirst()
                .orElse(null);
        return new PrinterChoice(names, standard, wanted, new PrintDestination.Printer(null));
    }

    /** A fixed destination, nothing to choose (tools and tests that print into a folder). */
    public static PrinterChoice fixed(PrintDestination destination) {
        return new PrinterChoice(List.of(), null, null, destination);
    }

    /** Where forms go: the printer the clerk chose (one of {@link #printers()}), else the preselected, else the fallback. */
    public PrintDestination destination(String chosen) {
        if (chosen != null && printers.contains(chosen)) {
            return new PrintDestination.Printer(chosen);
        }
        return preselected != null ? new PrintDestination.Printer(preselected) : fallback;
    }
}
