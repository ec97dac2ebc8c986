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
 * A {@link Visit} as the JSON of its draft (docs/adr/0014), without the My Number (the store seals it separately).
 * Version 3 adds the set-aside procedures, the reprint flag, the case, the start time and the step timings; drafts
 * of versions 1 and 2 (written before) are still read. Within version 3, an identity from a residence card carries a
 * {@code residenceCard} object, and the movers of a household move a {@code moving} object; both are optional: a
 * version 3 draft without them reads as before (no residence card, no movers chosen). The {@code moving} object of a
 * 転入 carries its 転出証明書 as {@code origin} ({@link MoveInJson}); a draft with only a {@code moveOutId} (written
 * before) reads as that record without its members. {@code newHead} (the chosen 世帯主 of the movers' household) and
 * {@code relationships} (the clerk's 続柄 to it by 住民票コード) are written only when there are some; {@code joinHead}
 * (the 世帯主 of a household the movers join, 世帯合併) only when they join one.
 */
public final class VisitJson {

    /** The version written. */
    static final int VERSION = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private VisitJson() {
    }

    public static String write(Visit visit) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("step", visit.step().name());
        ResidentIdentity identity = visit.identity();
        ObjectNode who = root.putObject("identity");
        who.put("source", identity.source().name()).put("name", identity.name())
                .put("nameKana", identity.nameKana()).put("address", identity.address())
                .put("birthDate", identity.birthDate().toString())
                .put("sex", identity.sex() == null ? null : identity.sex().name());
        ResidenceCardFacts rc = identity.residenceCard();
        if (rc != null) { // added within version 3: a reader that does not know it ignores it
            who.putObject("residenceCard").put("type", rc.cardType()).put("number", rc.cardNumber())
                    .put("nationality", rc.nationalityCode()).put("status", rc.statusCode())
                    .put("period", rc.periodOfStay()).put("periodEnd", date(rc.periodEnd()))
                    .put("expiry", date(rc.cardExpiry())).put("signature", rc.signature()).put("anchor", rc.anchor());
        }
        root.put("readMyNumber", visit.readMyNumber());
        root.put("confirmedResidentId", visit.confirmedResidentId());
        root.put("event", visit.event());
        visit.answers().forEach(root.putObject("answers")::put);
        visit.interview().forEach(root.putObject("interview")::put);
        var list = root.putArray("edits");
        visit.edits().forEach(e -> list.addObject().put("form", e.formId()).put("field", e.fieldId())
                .put("text", e.text()));
        visit.setAside().forEach(root.putObject("setAside")::put);
        var printList = root.putArray("prints");
        visit.prints().forEach(p -> printList.addObject().put("form", p.formId()).put("where", p.where())
                .put("pages", p.pages()).put("toFile", p.toFile()).put("printedAt", p.printedAt().toString())
                .put("reprint", p.reprint()));
        visit.printedForms().forEach(root.putObject("printedForms")::put);
        root.put("reprinting", visit.reprinting());
        root.put("caseId", visit.caseId() == null ? null : visit.caseId().toString());
        root.put("startedAt", visit.startedAt() == null ? null : visit.startedAt().toString());
        var timings = root.putArray("timings");
        visit.timings().forEach(t -> timings.addObject().put("step", t.step()).put("start", t.startNanos())
                .put("end", t.endNanos()));
        HouseholdMove moving = visit.moving();
        if (!moving.equals(HouseholdMove.NONE)) {
            ObjectNode move = root.putObject("moving");
            moving.movers().forEach(move.putArray("movers")::add);
            move.put("remainingHead", moving.remainingHead()).put("moveOutId", moving.moveOutId());
            if (moving.newHead() != null) {
                move.put("newHead", moving.newHead());
            }
            if (!moving.relationships().isEmpty()) {
                moving.relationships().forEach(move.putObject("relationships")::put);
            }
            if (moving.joins()) {
                move.put("joinHead", moving.joinHead());
            }
            if (moving.origin() != null) {
                MoveInJson.write(moving.origin(), move.putObject("origin"));
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the visit draft", e);
        }
    }

    /**
     * Reads a draft written by {@link #write} (or by an earlier version).
     *
     * @throws CounterException {@link CounterError#DRAFT_UNREADABLE} when the text is not such a draft
     */
    public static Visit read(UUID draftId, String json) {
        try {
            JsonNode root = JSON.readTree(json);
            int version = root.path("version").asInt();
            if (version < 1 || version > VERSION) {
                throw new IllegalArgumentException("unknown draft version " + root.path("version"));
            }
            JsonNode who = root.required("identity");
            ResidentIdentity identity = new ResidentIdentity(
                    ResidentIdentity.Source.valueOf(who.required("source").asText()), who.required("name").asText(),
                    text(who, "nameKana"), text(who, "address"), LocalDate.parse(who.required("birthDate").asText()),
                    text(who, "sex") == null ? null : Sex.valueOf(text(who, "sex")), null,
                    residenceCard(who.get("residenceCard")));
            List<Visit.FieldEdit> edits = new ArrayList<>();
            root.path("edits").forEach(e -> edits.add(new Visit.FieldEdit(e.required("form").asText(),
                    e.required("field").asText(), e.required("text").asText())));
            List<PrintOutcome> prints = new ArrayList<>();
            root.path("prints").forEach(p -> prints.add(new PrintOutcome(p.required("form").asText(),
                    p.required("where").asText(), p.required("pages").asInt(), p.required("toFile").asBoolean(),
                    Instant.parse(p.required("printedAt").asText()), p.path("reprint").asBoolean())));
            Map<String, String> printedForms = map(root.path("printedForms"));
            if (!prints.isEmpty() && printedForms.isEmpty()) {
                throw new IllegalArgumentException("prints without the printed forms' fingerprints");
            }
            List<StepTiming> timings = new ArrayList<>();
            root.path("timings").forEach(t -> timings.add(new StepTiming(t.required("step").asText(),
                    t.required("start").asLong(), t.required("end").asLong())));
            String caseId = text(root, "caseId");
            String startedAt = text(root, "startedAt");
            return new Visit(draftId, VisitStep.valueOf(root.required("step").asText()), identity,
                    root.path("readMyNumber").asBoolean(), text(root, "confirmedResidentId"), text(root, "event"),
                    map(root.path("answers")), map(root.path("interview")), edits, map(root.path("setAside")),
                    prints, printedForms, root.path("reprinting").asBoolean(),
                    caseId == null ? null : UUID.fromString(caseId),
                    startedAt == null ? null : Instant.parse(startedAt), timings, moving(root.path("moving")));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new CounterException(CounterError.DRAFT_UNREADABLE, "the visit draft cannot be read: "
                    + e.getClass().getSimpleName(), null);
        }
    }

    private static ResidenceCardFacts residenceCard(JsonNode rc) {
        if (rc == null || rc.isNull()) {
            return null;
        }
        return new ResidenceCardFacts(rc.required("type").asText(), rc.required("number").asText(),
                text(rc, "nationality"), text(rc, "status"), text(rc, "period"), localDate(text(rc, "periodEnd")),
                localDate(text(rc, "expiry")), rc.required("signature").asText(), text(rc, "anchor"));
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate localDate(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static HouseholdMove moving(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return HouseholdMove.NONE;
        }
        List<String> movers = new ArrayList<>();
        node.path("movers").forEach(m -> movers.add(m.asText()));
        JsonNode origin = node.get("origin");
        String id = text(node, "moveOutId");
        return new HouseholdMove(movers, text(node, "remainingHead"), origin != null && !origin.isNull()
                ? MoveInJson.read(origin)
                : id == null ? null : new MoveInOrigin(id, false, null, null, null, null, List.of()),
                text(node, "newHead"), map(node.path("relationships")), text(node, "joinHead"));
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
