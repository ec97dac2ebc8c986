package dev.madoguchi.forms.advice;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.forms.ExternalTools;
import dev.madoguchi.forms.pdf.TakeawaySheetRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not a test: writes the takeaway sheet of a locked 利用者証明用 PIN in each resident language to
 * {@code -Dmadoguchi.sheets=DIR} ({@code sheet-<lang>.pdf}), to look at (docs/volunteer.md §6). Skipped without it.
 */
class TakeawaySheetSamples {

    @Test
    void eachResidentLanguage() throws Exception {
        String dir = System.getProperty("madoguchi.sheets");
        assumeTrue(dir != null, "samples only with -Dmadoguchi.sheets=DIR");
        Path out = Files.createDirectories(Path.of(dir));
        CheckUpFacts facts = CheckUps.withCertificate(CheckUps.withPin(CheckUps.fine(), "auth-pin", 0),
                LocalDate.of(2022, 2, 10), LocalDate.of(2027, 2, 10));
        Advice advice = AdviceService.demo().advise(facts, Map.of("knowsSignPassword", "yes"));
        for (String language : new String[] {"en", "vi", "zh", "ko", "pt"}) {
            new TakeawaySheetRenderer(ExternalTools.fonts()).write(advice, language,
                    out.resolve("sheet-" + language + ".pdf"));
        }
    }
}
