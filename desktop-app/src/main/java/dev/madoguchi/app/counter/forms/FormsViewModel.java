package dev.madoguchi.app.counter.forms;

import dev.madoguchi.app.counter.RenderedForm;
import dev.madoguchi.app.counter.Visit;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitForm;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.forms.definition.LocalizedText;
import dev.madoguchi.forms.validation.Severity;
import dev.madoguchi.forms.validation.ValidationIssue;
import java.util.List;
import java.util.Optional;
import javafx.collections.ObservableList;

/**
 * The forms step: every form pre-filled, with the source of each value and the validation messages beside its
 * fields; the clerk corrects (each correction validated again on {@code background} and saved in the draft); the
 * preview renders every form with its signed QR — refused, in words, while a form has errors.
 */
public final class FormsViewModel {

    /** A field with an error: the form's index in {@link #forms()} and the field's id. */
    public record FieldRef(int formIndex, String fieldId) {}

    private final VisitCoordinator visit;
    private final Messages messages;

    public FormsViewModel(VisitCoordinator visit) {
        this.visit = visit;
        this.messages = visit.messages();
    }

    private VisitStep step() {
        return visit.stepProperty().get();
    }

    /** The clerk corrects one field of one form; the form is validated again. */
    public void editField(int formIndex, String fieldId, String text) {
        List<VisitForm> forms = visit.material().forms();
        if (step() != VisitStep.FORMS || visit.isBusy() || formIndex < 0 || formIndex >= forms.size()) {
            return;
        }
        VisitForm form = forms.get(formIndex);
        String value = text == null ? "" : text;
        if (form.filled().text(fieldId).equals(value)) {
            return;
        }
        // the new address typed on one form is the same answer on the others (the 国保 form's 住所)
        visit.work().run(Lane.BACKGROUND, "counter edit field",
                () -> visit.service().editShared(forms, formIndex, fieldId, value), edited -> {
                    List<VisitForm> now = visit.material().forms();
                    if (now.size() == forms.size() && java.util.stream.IntStream.range(0, now.size())
                            .allMatch(i -> now.get(i) == forms.get(i))) {
                        Visit next = visit.visit();
                        for (Visit.FieldEdit e : edited.edits()) {
                            next = next.withEdit(e);
                        }
                        visit.advance(next, visit.material().withForms(edited.forms()));
                        visit.saveDraft();
                    }
                });
    }

    public void backToProcedures() {
        if (step() == VisitStep.FORMS && !visit.isBusy()) {
            visit.goTo(VisitStep.PROCEDURES);
        }
    }

    /** Renders every form (signed QR) for the preview; forms with errors stop it, with a message. */
    public void preview() {
        if (step() != VisitStep.FORMS || visit.isBusy()) {
            return;
        }
        List<VisitForm> toRender = visit.material().forms();
        List<String> blocked = toRender.stream().filter(f -> !f.printable())
                .map(f -> text(f.filled().definition().title())).toList();
        visit.setError(""); // said again, also when it is the same: the view announces each refusal
        if (!blocked.isEmpty()) {
            visit.setError(messages.get("counter.forms.hasErrors", String.join("、", blocked)));
            return;
        }
        if (toRender.isEmpty()) {
            visit.setError(messages.get("counter.forms.none"));
            return;
        }
        visit.work().run(Lane.BACKGROUND, "counter render", () -> visit.service().renderAll(toRender),
                (List<RenderedForm> out) -> visit.advance(visit.visit().withStep(VisitStep.PREVIEW),
                        visit.material().withRendered(out)));
    }

    /** The first field with an error, in form and field order (the key that jumps to it). */
    public Optional<FieldRef> firstError() {
        List<VisitForm> forms = visit.material().forms();
        for (int i = 0; i < forms.size(); i++) {
            for (var field : forms.get(i).filled().fields()) {
                if (forms.get(i).issuesOf(field.id()).stream().anyMatch(x -> x.severity() == Severity.ERROR)) {
                    return Optional.of(new FieldRef(i, field.id()));
                }
            }
        }
        return Optional.empty();
    }

    public ObservableList<VisitForm> forms() {
        return visit.forms();
    }

    /** A form's title in the clerk's language (with its variant). */
    public String title(VisitForm form) {
        String title = text(form.filled().definition().title());
        var variant = form.filled().variant() == null ? null : form.filled().definition().variant(form.filled().variant());
        return variant != null && variant.isPresent() ? title + "（" + text(variant.get().title()) + "）" : title;
    }

    /** A value's source in words: 住民記録, カード, 聞き取り, 窓口, 世帯, 職員が修正. */
    public String sourceText(String source) {
        if (source == null) {
            return "";
        }
        String kind = source.contains(".") ? source.substring(0, source.indexOf('.')) : source;
        return switch (kind) {
            case "register", "card", "interview", "office", "household", "clerk", "data", "typed" ->
                    messages.get("counter.source." + kind);
            default -> source;
        };
    }

    public String issueText(ValidationIssue issue) {
        return messages.get(issue.severity() == Severity.ERROR ? "counter.issue.error" : "counter.issue.warning",
                issue.message(messages.locale()));
    }

    public String text(LocalizedText text) {
        return text == null ? "" : text.in(messages.locale());
    }

    public VisitCoordinator visit() {
        return visit;
    }
}
