package dev.madoguchi.forms.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The advice for one check-up: the facts it was made from and the outcomes that apply, in the table's order, with
 * the table's version and hash so that any advice can be traced to the data that gave it.
 */
public record Advice(CheckUpFacts facts, List<AdviceItem> items, AdviceTable table, String placesVersion) {

    public Advice {
        Objects.requireNonNull(facts, "facts");
        items = List.copyOf(items);
        Objects.requireNonNull(table, "table");
    }

    public String tableVersion() {
        return table.version();
    }

    public String tableSha256() {
        return table.sha256();
    }

    /**
     * The text read aloud in {@code language}: each item's title and advice, in the order shown. For やさしい日本語 the
     * readings replace the kanji (a speech engine reads kana best); otherwise the text is exactly what is shown.
     */
    public String readAloudText(String language) {
        List<String> parts = new ArrayList<>();
        for (AdviceItem item : items) {
            parts.add(item.title().in(language));
            parts.add(item.advice().in(language));
            item.place().ifPresent(p -> parts.add(p.name().in(language)));
        }
        String text = String.join(AdviceText.EN.equals(language) ? ". " : "。", parts)
                .replace("。。", "。").replace("..", ".");
        return AdviceText.EASY_JA.equals(language) ? Furigana.reading(text) : Furigana.plain(text);
    }
}
