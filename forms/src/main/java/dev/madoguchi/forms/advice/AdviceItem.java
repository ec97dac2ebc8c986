package dev.madoguchi.forms.advice;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of advice for the resident, its placeholders filled from the check-up.
 *
 * @param id the outcome's id in the table
 * @param severity {@code ok}, {@code info} or {@code action}
 * @param source the citation; {@code sourceUrl} the public page, or {@code null}
 * @param place where to go, as the municipality configured it, or empty
 * @param uncertain the questions whose answer was unknown, so the advice holds only "if" (e.g. "if you know your
 *     署名用 password")
 */
public record AdviceItem(String id, String severity, AdviceText title, AdviceText advice, AdviceText reason,
        AdviceText source, String sourceUrl, List<AdviceText> bring, Optional<AdvicePlaces.Place> place,
        List<String> uncertain) {

    public AdviceItem {
        Objects.requireNonNull(id, "id");
        bring = List.copyOf(bring);
        Objects.requireNonNull(place, "place");
        uncertain = List.copyOf(uncertain);
    }
}
