package dev.madoguchi.app.counter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.domain.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The 転出証明書 of a 転入 ({@link MoveInOrigin}) inside a visit draft's {@code moving} object ({@link VisitJson}). */
final class MoveInJson {

    private MoveInJson() {
    }

    static void write(MoveInOrigin origin, ObjectNode node) {
        node.put("recordId", origin.recordId()).put("typed", origin.typed())
                .put("fromMunicipality", origin.fromMunicipality()).put("previousAddress", origin.previousAddress())
                .put("previousHead", origin.previousHead()).put("plannedMoveDate", date(origin.plannedMoveDate()));
        var members = node.putArray("members");
        for (Mover m : origin.members()) {
            members.addObject().put("residentCode", m.residentCode()).put("name", m.name())
                    .put("nameKana", m.nameKana()).put("birthDate", date(m.birthDate()))
                    .put("sex", m.sex() == null ? null : m.sex().name()).put("relationship", m.relationship())
                    .put("nationality", m.nationality()).put("residenceStatus", m.residenceStatus())
                    .put("periodOfStay", m.periodOfStay())
                    .put("stayExpiry", date(m.stayExpiry())).put("residenceCardNumber", m.residenceCardNumber())
                    .put("foreignCategory", m.foreignCategory());
        }
    }

    static MoveInOrigin read(JsonNode node) {
        List<Mover> members = new ArrayList<>();
        for (JsonNode m : node.path("members")) {
            String sex = VisitJson.text(m, "sex");
            members.add(new Mover(m.required("residentCode").asText(), m.required("name").asText(),
                    VisitJson.text(m, "nameKana"), localDate(VisitJson.text(m, "birthDate")),
                    sex == null ? null : Sex.valueOf(sex), VisitJson.text(m, "relationship"),
                    VisitJson.text(m, "nationality"), VisitJson.text(m, "residenceStatus"), VisitJson.text(m, "periodOfStay"),
                    localDate(VisitJson.text(m, "stayExpiry")), VisitJson.text(m, "residenceCardNumber"),
                    VisitJson.text(m, "foreignCategory")));
        }
        return new MoveInOrigin(VisitJson.text(node, "recordId"), node.path("typed").asBoolean(),
                VisitJson.text(node, "fromMunicipality"), VisitJson.text(node, "previousAddress"),
                VisitJson.text(node, "previousHead"), localDate(VisitJson.text(node, "plannedMoveDate")), members);
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate localDate(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
