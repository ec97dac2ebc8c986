package dev.madoguchi.app.volunteer;

import dev.madoguchi.card.checkup.CheckUp;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.pdf.PdfFonts;
import dev.madoguchi.forms.pdf.TakeawaySheetRenderer;

/** The takeaway sheet made by forms' {@link TakeawaySheetRenderer} from the check-up's advice, with the forms' fonts. */
public final class AdviceSheet implements TakeawaySheet {

    private final CheckUpAdvisor advisor;
    private final FontFiles fonts;

    public AdviceSheet(CheckUpAdvisor advisor, FontFiles fonts) {
        this.advisor = advisor;
        this.fonts = fonts;
    }

    @Override
    public byte[] pdf(CheckUp checkUp, String language) {
        return pdf(checkUp, language, java.util.Map.of());
    }

    @Override
    public byte[] pdf(CheckUp checkUp, String language, java.util.Map<String, String> answers) {
        try (PdfFonts loaded = PdfFonts.load(fonts)) {
            return new TakeawaySheetRenderer(loaded).render(advisor.advice(checkUp, answers), language);
        }
    }
}
