package dev.madoguchi.forms.prefill;

import dev.madoguchi.forms.definition.FieldDefinition;
import dev.madoguchi.forms.definition.FormDefinition;
import dev.madoguchi.forms.definition.GroupDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a form from a card read, a register record, a household, interview answers and office values. Each field takes
 * the first source of its definition's list that has a value, and remembers which one. When another source of the same
 * field has a different text — the card's 吉田 against the register's 𠮷田 — the field keeps the preferred text and the
 * difference is reported as a {@link Discrepancy}; nothing is replaced silently.
 */
public final class Prefiller {

    /**
     * @param variant the variant id, or {@code null} for forms without variants
     * @throws IllegalArgumentException when the form has variants and {@code variant} is not one of them
     */
    public FilledForm fill(FormDefinition form, String variant, PrefillInput input) {
        requireVariant(form, variant);
        Map<String, String> available = input.valuesBySource();
        Map<String, FilledValue> values = new LinkedHashMap<>();
        List<Discrepancy> discrepancies = new ArrayList<>();
        for (FieldDefinition field : form.fieldsOf(variant)) {
            fillField(field, field.id(), field.id(), available, values, discrepancies);
        }
        // the person at the counter is the first row of each group (the clerk adds the others)
        for (GroupDefinition group : form.groups()) {
            for (FieldDefinition field : group.fieldsOf(variant)) {
                // a discrepancy names the field by its plain id: the first row's shorthand, as the review screen shows it
                fillField(field, group.id() + ".1." + field.id(), field.id(), available, values, discrepancies);
            }
        }
        return new FilledForm(form, variant, values, discrepancies);
    }

    private static void fillField(FieldDefinition field, String key, String reportedAs,
            Map<String, String> available, Map<String, FilledValue> values, List<Discrepancy> discrepancies) {
        String usedSource = null;
        String usedText = null;
        for (String source : field.sources()) {
            String text = available.get(source);
            if (text == null) {
                continue;
            }
            if (usedSource == null) {
                usedSource = source;
                usedText = text;
            } else if (!text.equals(usedText) && comparable(usedSource, source)) {
                discrepancies.add(new Discrepancy(reportedAs, usedSource, usedText, source, text));
            }
        }
        if (usedSource != null) {
            values.put(key, new FilledValue(usedText, usedSource));
        }
    }

    /**
     * Card and register describe the same fact (the person as they are now); an interview answer about a new address
     * is meant to differ and is not a discrepancy.
     */
    private static boolean comparable(String a, String b) {
        return (a.startsWith("card.") || a.startsWith("register.")) && (b.startsWith("card.") || b.startsWith("register."));
    }

    static void requireVariant(FormDefinition form, String variant) {
        if (form.variants().isEmpty()) {
            if (variant != null) {
                throw new IllegalArgumentException("form " + form.id() + " has no variants, not '" + variant + "'");
            }
        } else if (variant == null || form.variant(variant).isEmpty()) {
            throw new IllegalArgumentException("form " + form.id() + " needs a variant, one of "
                    + form.variants().stream().map(v -> v.id()).toList() + ", not '" + variant + "'");
        }
    }
}
