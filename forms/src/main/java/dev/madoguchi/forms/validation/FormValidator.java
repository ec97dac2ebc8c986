package dev.madoguchi.forms.validation;

import dev.madoguchi.forms.definition.FieldDefinition;
import dev.madoguchi.forms.definition.FieldType;
import dev.madoguchi.forms.definition.FormDefinition;
import dev.madoguchi.forms.prefill.Discrepancy;
import dev.madoguchi.forms.prefill.FilledForm;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a filled form field by field and as a whole: required (legal) items, dates, the notification deadline
 * (住基法 14 days), kana-only furigana, postal codes, choices, the household (続柄 / 世帯主) and the card-register
 * discrepancies found during pre-fill.
 */
public final class FormValidator {

    private static final Pattern KANA = Pattern.compile("[\\u30A1-\\u30FA\\u30FC\\u30FB\\u3000 ]+");
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{3}-[0-9]{4}");
    private static final String NOTIFIED_ON = "notifiedOn";
    private static final String HEAD = "世帯主";

    /** @param today the day of the visit, used when the form has no {@code notifiedOn} */
    public List<ValidationIssue> validate(FilledForm form, LocalDate today) {
        List<ValidationIssue> issues = new ArrayList<>();
        FormDefinition definition = form.definition();
        LocalDate notifiedOn = parseDate(form.text(NOTIFIED_ON)).orElse(today);
        for (FieldDefinition field : form.fields()) {
            String text = form.text(field.id());
            String label = field.label().ja();
            String labelEn = field.label().en();
            boolean required = field.required()
                    || (field.requiredIf() != null && !form.text(field.requiredIf()).isBlank());
            if (text.isBlank()) {
                if (required) {
                    issues.add(field.isLegalItem()
                            ? issue(field, Severity.ERROR, "requiredLegal", label, labelEn, field.legal())
                            : issue(field, Severity.ERROR, "required", label, labelEn));
                }
                continue;
            }
            if (!dev.madoguchi.forms.qr.QrPayload.isWellFormed(text)) {
                issues.add(issue(field, Severity.ERROR, "invalidText", label, labelEn));
                continue;
            }
            switch (field.type()) {
                case DATE -> {
                    var date = parseDate(text);
                    if (date.isEmpty()) {
                        issues.add(issue(field, Severity.ERROR, "date", label, labelEn));
                    } else if (field.deadlineDays() != null) {
                        long days = ChronoUnit.DAYS.between(date.get(), notifiedOn);
                        if (days > field.deadlineDays()) {
                            issues.add(issue(field, Severity.WARNING, "deadline", label, labelEn,
                                    String.valueOf(field.deadlineDays()), String.valueOf(days)));
                        } else if (days < 0) {
                            issues.add(issue(field, Severity.WARNING, "future", label, labelEn));
                        }
                    }
                }
                case KANA -> {
                    if (!KANA.matcher(text).matches()) {
                        issues.add(issue(field, Severity.ERROR, "kana", label, labelEn));
                    }
                }
                case POSTAL_CODE -> {
                    if (!POSTAL_CODE.matcher(text).matches()) {
                        issues.add(issue(field, Severity.ERROR, "postalCode", label, labelEn));
                    }
                }
                case CHOICE -> {
                    if (!field.options().contains(text)) {
                        issues.add(issue(field, Severity.ERROR, "choice", label, labelEn,
                                String.join("・", field.options())));
                    }
                }
                default -> {
                    // free text, names and addresses: any characters; missing glyphs are reported by the renderer
                }
            }
        }
        if (definition.checks().contains("household")) {
            checkHousehold(form, issues);
        }
        for (Discrepancy d : form.discrepancies()) {
            FieldDefinition field = definition.field(d.fieldId()).orElseThrow();
            issues.add(issue(field, Severity.WARNING, d.onlyInForm() ? "discrepancyForm" : "discrepancy",
                    field.label().ja(), field.label().en(), d.used(), d.other()));
        }
        return List.copyOf(issues);
    }

    /** 続柄 世帯主 ⇔ 世帯主の氏名 is the person's own name (or empty); any other 続柄 needs the 世帯主's name. */
    private static void checkHousehold(FilledForm form, List<ValidationIssue> issues) {
        if (form.definition().field("relationship").isEmpty() || form.definition().field("householdHead").isEmpty()
                || form.fields().stream().noneMatch(f -> f.id().equals("relationship"))) {
            return;
        }
        String relationship = form.text("relationship");
        String head = form.text("householdHead");
        String name = form.text("name");
        if (relationship.isBlank()) {
            return;
        }
        if (HEAD.equals(relationship)) {
            if (!head.isBlank() && !head.equals(name)) {
                issues.add(new ValidationIssue("householdHead", Severity.ERROR, "householdHeadIsSelf", List.of()));
            }
        } else if (head.isBlank()) {
            issues.add(new ValidationIssue("householdHead", Severity.ERROR, "householdHeadMissing",
                    List.of(relationship)));
        } else if (head.equals(name)) {
            issues.add(new ValidationIssue("relationship", Severity.ERROR, "householdHeadIsSelf", List.of()));
        }
    }

    private static ValidationIssue issue(FieldDefinition field, Severity severity, String code, String... args) {
        return new ValidationIssue(field.id(), severity, code, List.of(args));
    }

    private static java.util.Optional<LocalDate> parseDate(String text) {
        if (text == null || text.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether any issue blocks printing. */
    public static boolean hasErrors(List<ValidationIssue> issues) {
        return issues.stream().anyMatch(i -> i.severity() == Severity.ERROR);
    }

}
