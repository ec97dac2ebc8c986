package dev.madoguchi.app.volunteer;

import dev.madoguchi.app.checkup.CheckUpAdviceService;
import dev.madoguchi.card.checkup.CheckUp;
import dev.madoguchi.forms.advice.Advice;
import dev.madoguchi.forms.advice.AdviceItem;
import dev.madoguchi.forms.advice.AdvicePlaces;
import dev.madoguchi.forms.advice.Furigana;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The advice of the check-up from the versioned advice table ({@link CheckUpAdviceService}): each outcome's title,
 * what to do, where to go (the municipality's counter, address and hours) and what to bring, in one language; in
 * Japanese with the readings shown as furigana. No question is asked of the resident here: the table's "if you know
 * your …" outcomes say so in their words.
 */
public final class CheckUpAdvisor implements Advisor {

    private final CheckUpAdviceService advice;

    public CheckUpAdvisor(CheckUpAdviceService advice) {
        this.advice = advice;
    }

    /** The full advice (for the takeaway sheet). */
    public Advice advice(CheckUp checkUp) {
        return advice.advise(checkUp, Map.of());
    }

    @Override
    public List<AdviceLine> advise(CheckUp checkUp, String language) {
        boolean japanese = language.startsWith("ja");
        List<AdviceLine> out = new ArrayList<>();
        for (AdviceItem item : advice(checkUp).items()) {
            String title = item.title().in(language);
            String text = item.advice().in(language);
            out.add(new AdviceLine(item.severity(), Furigana.plain(title), Furigana.plain(text),
                    item.place().map(p -> place(p, language)).orElse(""),
                    item.bring().stream().map(b -> Furigana.plain(b.in(language))).toList(),
                    japanese ? Furigana.reading(title) : "", japanese ? Furigana.reading(text) : ""));
        }
        return out;
    }

    private static String place(AdvicePlaces.Place p, String language) {
        String separator = language.startsWith("ja") ? "　" : ", ";
        return Furigana.plain(String.join(separator, p.name().in(language), p.address().in(language),
                p.hours().in(language)) + (p.phone() == null ? "" : separator + p.phone()));
    }
}
