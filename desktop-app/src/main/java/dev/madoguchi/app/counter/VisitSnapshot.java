package dev.madoguchi.app.counter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.domain.Sex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a running visit needs to be resumed (docs/adr/0014): the step, who the resident is (without the My Number,
 * which the store seals separately), the confirmed register entry, the life event with its answers, the interview
 * values and the clerk's corrections of form fields, and — once the forms were printed but before the case is stored —
 * what was printed, where and when, with a fingerprint of each printed form's content. Derived data (candidates,
 * plan, filled forms) is computed again on resume from the same inputs. Written as JSON into the store's visit draft;
 * {@link #toString()} shows nothing personal.
 *
 * @param confirmedResidentId the register entry the clerk confirmed, or null (none yet, or none fits)
 * @param edits the clerk's corrections, in order: form id, field id, text
 * @param prints the forms printed for this visit whose case is not stored yet, in print order (empty before printing)
 * @param printedForms form id → {@link VisitCaseService#fingerprint} of the content last printed (empty before
 *     printing): a resumed visit is stored without printing again only when its forms made again match
 */
public record VisitSnapshot(UUID draftId, VisitStep step, ResidentIdentity identity, boolean readMyNumber,
        String confirmedResidentId, String event, Map<String, String> answers, Map<String, String> interview,
        List<FieldEdit> edits, List<PrintOutcome> prints, Map<String, String> printedForms) {

    /** The version written; version 1 (no prints) is still read. */
    static final int VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One correction of a form field by the clerk. */
    public record FieldEdit(String formId, String fieldId, String text) {}

    public VisitSnapshot {
        answers = Map.copyOf(answers);
        interview = Map.copyOf(interview);
        edits = List.copyOf(edits);
        prints = List.copyOf(prints);
        printedForms = Map.copyOf(printedForms);
    }

    /** A snapshot before anything was printed. */
    public VisitSnapshot(UUID draftId, VisitStep step, ResidentIdentity identity, boolean readMyNumber,
            String confirmedResidentId, String event, Map<String, String> answers, Map<String, String> interview,
            List<FieldEdit> edits) {
        this(draftId, step, identity, readMyNumber, confirmedResidentId, event, answers, interview, edits, List.of(),
                Map.of());
    }

    /** The same visit with another identity (the sealed My Number put back after reading the draft). */
    public VisitSnapshot withIdentity(ResidentIdentity who) {
        return new VisitSnapshot(draftId, step, who, readMyNumber, confirmedResidentId, event, answers, interview,
                edits, prints, printedForms);
    }

    /**
     * The step a resumed visit shows: printed forms whose case was not stored give {@link VisitStep#PRINTED} (store
     * without printing again, or print again); otherwise a preview or a print is made again from the forms.
     */
    public VisitStep resumeStep() {
        if (!prints.isEmpty()) {
            return VisitStep.PRINTED;
        }
        return switch (step) {
            case PREVIEW, PRINTING, PRINTED, DONE -> VisitStep.FORMS;
            default -> step;
        };
    }

    /** When the forms were first printed, or null before printing. */
    public Instant firstPrintedAt() {
        return prints.isEmpty() ? null : prints.get(0).printedAt();
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("step", step.name());
        ObjectNode who = root.putObject("identity");
        who.put("source", identity.source().name()).put("name", identity.name())
                .put("nameKana", identity.nameKana()).put("address", identity.address())
                .put("birthDate", identity.birthDate().toString())
                .put("sex", identity.sex() == null ? null : identity.sex().name());
        root.put("readMyNumber", readMyNumber);
        root.put("confirmedResidentId", confirmedResidentId);
        root.put("event", event);
        answers.forEach(root.putObject("answers")::put);
        interview.forEach(root.putObject("interview")::put);
        var list = root.putArray("edits");
        edits.forEach(e -> list.addObject().put("form", e.formId()).put("field", e.fieldId()).put("text", e.text()));
        var printList = root.putArray("prints");
        prints.forEach(p -> printList.addObject().put("form", p.formId()).put("where", p.where())
                .put("pages", p.pages()).put("toFile", p.toFile()).put("printedAt", p.printedAt().toString())
                .put("reprint", p.reprint()));
        printedForms.forEach(root.putObject("printedForms")::put);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the visit draft", e);
        }
    }

    /**
     * Reads a draft written by {@link #toJson()}.
     *
     * @throws CounterException {@link CounterError#DRAFT_UNREADABLE} when the text is not such a draft
     */
    public static VisitSnapshot fromJson(UUID draftId, String json) {
        try {
            JsonNode root = JSON.readTree(json);
            int version = root.path("version").asInt();
            if (version != 1 && version != VERSION) {
                throw new IllegalArgumentException("unknown draft version " + root.path("version"));
            }
            JsonNode who = root.required("identity");
            ResidentIdentity identity = new ResidentIdentity(
                    ResidentIdentity.Source.valueOf(who.required("source").asText()), who.required("name").asText(),
                    text(who, "nameKana"), text(who, "address"), LocalDate.parse(who.required("birthDate").asText()),
                    text(who, "sex") == null ? null : Sex.valueOf(text(who, "sex")), null);
            Map<String, String> answers = new LinkedHashMap<>();
            root.path("answers").fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue().asText()));
            Map<String, String> interview = new LinkedHashMap<>();
            root.path("interview").fields().forEachRemaining(e -> interview.put(e.getKey(), e.getValue().asText()));
            List<FieldEdit> edits = new ArrayList<>();
            root.path("edits").forEach(e -> edits.add(new FieldEdit(e.required("form").asText(),
                    e.required("field").asText(), e.required("text").asText())));
            List<PrintOutcome> prints = new ArrayList<>();
            root.path("prints").forEach(p -> prints.add(new PrintOutcome(p.required("form").asText(),
                    p.required("where").asText(), p.required("pages").asInt(), p.required("toFile").asBoolean(),
                    Instant.parse(p.required("printedAt").asText()), p.path("reprint").asBoolean())));
            Map<String, String> printedForms = new LinkedHashMap<>();
            root.path("printedForms").fields().forEachRemaining(e -> printedForms.put(e.getKey(),
                    e.getValue().asText()));
            if (!prints.isEmpty() && printedForms.isEmpty()) {
                throw new IllegalArgumentException("prints without the printed forms' fingerprints");
            }
            return new VisitSnapshot(draftId, VisitStep.valueOf(root.required("step").asText()), identity,
                    root.path("readMyNumber").asBoolean(), text(root, "confirmedResidentId"), text(root, "event"),
                    answers, interview, edits, prints, printedForms);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new CounterException(CounterError.DRAFT_UNREADABLE, "the visit draft cannot be read: "
                    + e.getClass().getSimpleName(), null);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public String toString() {
        return "VisitSnapshot[" + draftId + ", " + step + "]";
    }
}
