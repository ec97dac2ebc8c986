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
 * Japanese with the readings shown as furigana. The table's questions that decide the advice ({@link #questions}) are
 * asked on the result screen and the resident's window; the answers given are passed to every call.
 */
public final class CheckUpAdvisor implements Advisor {

    private final java.util.function.Supplier<CheckUpAdviceService> advice;

    public CheckUpAdvisor(CheckUpAdviceService advice) {
        this(() -> advice);
    }

    /** @param advice the advice, asked at each use (the desktop's table is parsed at its first use) */
    public CheckUpAdvisor(java.util.function.Supplier<CheckUpAdviceService> advice) {
        this.advice = advice;
    }

    /** The full advice without answers. */
    public Advice advice(CheckUp checkUp) {
        return advice.get().advise(checkUp, Map.of());
    }

    /** The full advice with the answers given (for the takeaway sheet). */
    public Advice advice(CheckUp checkUp, Map<String, String> answers) {
        return advice.get().advise(checkUp, answers);
    }

    @Override
    public List<AdviceLine> advise(CheckUp checkUp, String language) {
        return advise(checkUp, language, Map.of());
    }

    @Override
    public List<String> questions(CheckUp checkUp) {
        return advice(checkUp).items().stream().flatMap(i -> i.uncertain().stream()).distinct().toList();
    }

    @Override
    public String questionText(String id, String language) {
        return advice.get().adviceService().table().question(id).map(q -> Furigana.plain(q.text().in(language))).orElse(id);
    }

    @Override
    public List<AdviceLine> advise(CheckUp checkUp, String language, Map<String, String> answers) {
        boolean japanese = language.startsWith("ja");
        List<AdviceLine> out = new ArrayList<>();
        for (AdviceItem item : advice(checkUp, answers).items()) {
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
