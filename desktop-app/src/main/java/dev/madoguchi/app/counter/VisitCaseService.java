package dev.madoguchi.app.counter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.forms.prefill.Discrepancy;
import dev.madoguchi.forms.prefill.FilledValue;
import dev.madoguchi.forms.rules.LifeEventPlan;
import dev.madoguchi.forms.rules.ProposedProcedure;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.cases.HandlingTime;
import dev.madoguchi.store.cases.StepDuration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Records a finished visit in the local store: one audited print row per printed form, the case with its forms'
 * data, its outbox message and its audit row, and the deletion of the visit's draft, in one transaction
 * ({@code CaseRepository.open}). The My Number goes
 * into the case only when one of its procedures needs it (番号法); otherwise it is dropped here. Synchronous; the
 * {@code store-writer} lane.
 */
public final class VisitCaseService {

    /** Procedures whose applications carry the 個人番号 (国民健康保険, 児童手当). */
    public static final Set<String> MY_NUMBER_PROCEDURES = Set.of("kokuho", "jidou-teate");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether any procedure of the plan needs the My Number. */
    public static boolean needsMyNumber(LifeEventPlan plan) {
        return plan.procedures().stream().anyMatch(p -> MY_NUMBER_PROCEDURES.contains(p.id()));
    }

    /**
     * @param residentId the confirmed register entry, or null when the resident is not in the register copy
     * @param timings the visit's handling times (durations per step, no personal data); stored with the case, in the
     *     same transaction, for the handling-time figures (docs/adr/0018)
     * @return the case id (also the outbox aggregate id)
     */
    public UUID record(LocalStore store, LifeEventPlan plan, ResidentIdentity identity, String residentId,
            List<VisitForm> forms, List<PrintOutcome> prints, UUID draftId, VisitTimings timings) {
        java.util.Objects.requireNonNull(timings, "timings");
        List<String> printRows = new java.util.ArrayList<>();
        for (PrintOutcome print : prints) {
            VisitForm form = forms.stream().filter(f -> f.formId().equals(print.formId())).findFirst().orElseThrow();
            printRows.add(printRow(form, print));
        }
        MyNumber myNumber = needsMyNumber(plan) ? identity.myNumber() : null;
        // one transaction: a failed write leaves no print row behind, so "record again" writes them once
        return store.cases().open(residentId, plan.event(), formsData(plan, identity, forms, prints), myNumber,
                printRows, draftId, handlingTime(timings));
    }

    /** The store's form of the visit's timings: ended steps only; none when no step has ended. */
    static HandlingTime handlingTime(VisitTimings timings) {
        List<StepDuration> steps = timings.steps().stream().filter(t -> !t.running())
                .map(t -> new StepDuration(t.step(), t.duration())).toList();
        return steps.isEmpty() || timings.startedAt() == null ? null
                : new HandlingTime(timings.startedAt(), steps, timings.manualEntry());
    }

    /**
     * The detail of a print's audit row: the form's stamp, whether it was a reprint, where it went and when it was
     * printed (the row itself is written when the case is stored, which may be later, after an interruption).
     */
    static String printRow(VisitForm form, PrintOutcome print) {
        return form.filled().definition().stamp() + (print.reprint() ? " reprint" : "")
                + (print.toFile() ? " to file" : " to printer") + " printed " + print.printedAt();
    }

    /**
     * A fingerprint of what a form prints: SHA-256 over its id, definition hash, variant and every value in field
     * order. Kept in the draft of a printed visit (no personal data in clear) so that a resumed visit is stored as
     * printed only when its forms made again are the same.
     */
    public static String fingerprint(VisitForm form) {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        StringBuilder text = new StringBuilder();
        text.append(form.formId()).append('\u0000').append(form.filled().definition().sha256()).append('\u0000')
                .append(form.filled().variant()).append('\u0000');
        new java.util.TreeMap<>(form.filled().values()).forEach((field, value) -> text.append(field).append('=')
                .append(value.text()).append('\u0000'));
        return java.util.HexFormat.of().formatHex(sha.digest(text.toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The case's data as JSON: rules version, procedures, and each form's values with their sources. */
    static String formsData(LifeEventPlan plan, ResidentIdentity identity, List<VisitForm> forms,
            List<PrintOutcome> prints) {
        ObjectNode root = JSON.createObjectNode();
        root.put("event", plan.event());
        root.putObject("rules").put("version", plan.rulesVersion()).put("sha256", plan.rulesSha256());
        root.put("identifiedBy", identity.source().name());
        ArrayNode procedures = root.putArray("procedures");
        for (ProposedProcedure p : plan.procedures()) {
            ObjectNode node = procedures.addObject().put("id", p.id()).put("form", p.form()).put("variant", p.variant());
            p.uncertainBecause().forEach(node.putArray("uncertainBecause")::add);
        }
        ArrayNode formNodes = root.putArray("forms");
        for (VisitForm form : forms) {
            ObjectNode node = formNodes.addObject();
            node.put("form", form.formId()).put("variant", form.filled().variant())
                    .put("version", form.filled().definition().version())
                    .put("sha256", form.filled().definition().sha256())
                    .put("printed", prints.stream().anyMatch(p -> p.formId().equals(form.formId())));
            ObjectNode values = node.putObject("values");
            for (Map.Entry<String, FilledValue> e : form.filled().values().entrySet()) {
                values.putObject(e.getKey()).put("text", e.getValue().text()).put("source", e.getValue().source());
            }
            ArrayNode discrepancies = node.putArray("discrepancies");
            for (Discrepancy d : form.filled().discrepancies()) {
                discrepancies.addObject().put("field", d.fieldId()).put("used", d.used()).put("other", d.other())
                        .put("otherText", d.otherText());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the case data", e);
        }
    }
}
