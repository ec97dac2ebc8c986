package dev.madoguchi.app.counter;

import dev.madoguchi.forms.prefill.FilledForm;
import dev.madoguchi.forms.rules.ProposedProcedure;
import dev.madoguchi.forms.validation.FormValidator;
import dev.madoguchi.forms.validation.ValidationIssue;
import java.util.List;

/**
 * One form of the visit: the procedure it serves (null for a reprint of a stored case), its values with the source of each, and the validation issues
 * beside its fields. Immutable; the clerk's edits make a new one ({@link VisitFormsService#edit}).
 */
public record VisitForm(ProposedProcedure procedure, FilledForm filled, List<ValidationIssue> issues) {

    public VisitForm {
        issues = List.copyOf(issues);
    }

    /** No ERROR issue: it may be printed. */
    public boolean printable() {
        return !FormValidator.hasErrors(issues);
    }

    public String formId() {
        return filled.definition().id();
    }

    public List<ValidationIssue> issuesOf(String fieldId) {
        return issues.stream().filter(i -> fieldId.equals(i.fieldId())).toList();
    }

    @Override
    public String toString() {
        return "VisitForm[" + formId() + ", issues=" + issues.size() + "]";
    }
}
