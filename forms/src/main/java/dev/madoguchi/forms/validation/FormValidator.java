package dev.madoguchi.forms.validation;

import dev.madoguchi.forms.definition.FieldDefinition;
import dev.madoguchi.forms.definition.FormDefinition;
import dev.madoguchi.forms.definition.GroupDefinition;
import dev.madoguchi.forms.definition.RowKey;
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
        for (FieldDefinition field : form.definition().fieldsOf(form.variant())) {
            String requiredIf = field.requiredIf();
            checkField(form, field, field.id(), field.id(), field.label().ja(), field.label().en(),
                    requiredIf == null ? null : form.text(requiredIf), notifiedOn, today, issues);
        }
        for (GroupDefinition group : definition.groups()) {
            int rows = Math.max(form.rowCount(group.id()), group.minRows());
            for (int r = 1; r <= rows; r++) {
                for (FieldDefinition field : group.fieldsOf(form.variant())) {
                    String key = new RowKey(group.id(), r, field.id()).toString();
                    // the first row is named by the plain field id, as the review screen addresses the person there
                    String reportAs = r == 1 ? field.id() : key;
                    String requiredIf = field.requiredIf();
                    checkField(form, field, key, reportAs, group.label().ja() + r + "・" + field.label().ja(),
                            group.label().en() + " " + r + ": " + field.label().en(),
                            requiredIf == null ? null : form.text(group.id() + "." + r + "." + requiredIf),
                            notifiedOn, today, issues);
                }
            }
        }
        if (definition.checks().contains("household")) {
            checkHousehold(form, issues);
        }
        for (Discrepancy d : form.discrepancies()) {
            FieldDefinition field = definition.fieldFor(d.fieldId()).orElseThrow();
            issues.add(issue(d.fieldId(), Severity.WARNING, d.onlyInForm() ? "discrepancyForm" : "discrepancy",
                    field.label().ja(), field.label().en(), d.used(), d.other()));
        }
        return List.copyOf(issues);
    }

    private static void checkField(FilledForm form, FieldDefinition field, String valueKey, String key, String label,
            String labelEn, String requiredIfText, LocalDate notifiedOn, LocalDate today, List<ValidationIssue> issues) {
        String text = form.text(valueKey);
        boolean required = field.required() || (requiredIfText != null && !requiredIfText.isBlank());
        if (text.isBlank()) {
            if (required) {
                issues.add(field.isLegalItem()
                        ? issue(key, Severity.ERROR, "requiredLegal", label, labelEn, field.legal())
                        : issue(key, Severity.ERROR, "required", label, labelEn));
            }
            return;
        }
        if (!dev.madoguchi.forms.qr.QrPayload.isWellFormed(text)) {
            issues.add(issue(key, Severity.ERROR, "invalidText", label, labelEn));
            return;
        }
        switch (field.type()) {
            case DATE -> {
                var date = parseDate(text);
                if (date.isEmpty()) {
                    issues.add(issue(key, Severity.ERROR, "date", label, labelEn));
                } else if (field.deadlineDays() != null) {
                    long days = ChronoUnit.DAYS.between(date.get(), notifiedOn);
                    if (date.get().isAfter(today)) {
                        // a move is notified after it happened: a date in the future is a typing error
                        issues.add(issue(key, Severity.ERROR, "afterToday", label, labelEn));
                    } else if (days > field.deadlineDays()) {
                        issues.add(issue(key, Severity.WARNING, "deadline", label, labelEn,
                                String.valueOf(field.deadlineDays()), String.valueOf(days)));
                    } else if (days < 0) {
                        issues.add(issue(key, Severity.WARNING, "future", label, labelEn));
                    }
                }
            }
            case KANA -> {
                if (!KANA.matcher(text).matches()) {
                    issues.add(issue(key, Severity.ERROR, "kana", label, labelEn));
                }
            }
            case POSTAL_CODE -> {
                if (!POSTAL_CODE.matcher(text).matches()) {
                    issues.add(issue(key, Severity.ERROR, "postalCode", label, labelEn));
                }
            }
            case CHOICE -> {
                if (!field.options().contains(text)) {
                    issues.add(issue(key, Severity.ERROR, "choice", label, labelEn, String.join("・", field.options())));
                }
            }
            case RESIDENT_CODE -> {
                if (!ResidentCode.isWellFormed(text)) {
                    issues.add(issue(key, Severity.ERROR, "residentCode", label, labelEn));
                } else if (!ResidentCode.checkDigitValid(text)) {
                    issues.add(issue(key, Severity.WARNING, "residentCodeCheckDigit", label, labelEn));
                }
            }
            default -> {
                // free text, names and addresses: any characters; missing glyphs are reported by the renderer
            }
        }
    }

    /**
     * 続柄 世帯主 ⇔ 世帯主の氏名 is the person's own name (or empty); any other 続柄 needs the 世帯主's name. For a form
     * whose 続柄 is a row field (the movers of a 住民異動届), every row is checked against the form's 世帯主.
     */
    private static void checkHousehold(FilledForm form, List<ValidationIssue> issues) {
        FormDefinition definition = form.definition();
        if (definition.field("householdHead").isEmpty()
                || definition.fieldsOf(form.variant()).stream().noneMatch(f -> f.id().equals("householdHead"))) {
            return;
        }
        String head = form.text("householdHead");
        if (definition.fieldsOf(form.variant()).stream().anyMatch(f -> f.id().equals("relationship"))) {
            checkPerson(form.text("relationship"), form.text("name"), head, "relationship", issues);
        }
        for (GroupDefinition group : definition.groups()) {
            if (group.fieldsOf(form.variant()).stream().anyMatch(f -> f.id().equals("relationship"))) {
                for (int r = 1; r <= form.rowCount(group.id()); r++) {
                    String prefix = group.id() + "." + r + ".";
                    checkPerson(form.text(prefix + "relationship"), form.text(prefix + "name"), head,
                            r == 1 ? "relationship" : prefix + "relationship", issues);
                }
            }
        }
    }

    private static void checkPerson(String relationship, String name, String head, String relationshipKey,
            List<ValidationIssue> issues) {
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
            issues.add(new ValidationIssue(relationshipKey, Severity.ERROR, "householdHeadIsSelf", List.of()));
        }
    }

    private static ValidationIssue issue(String key, Severity severity, String code, String... args) {
        return new ValidationIssue(key, severity, code, List.of(args));
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
