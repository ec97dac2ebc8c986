package dev.madoguchi.backend.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.backend.register.ChangePage;
import dev.madoguchi.backend.register.RegisterChange;
import dev.madoguchi.backend.register.RegisterRepository;
import dev.madoguchi.backend.register.RegisterResident;
import dev.madoguchi.backend.submission.SubmissionRepository;
import java.time.LocalDate;

/** The register's JSON: {@code Resident}, {@code Change}, {@code ChangePage} of docs/api/openapi.yaml. */
final class RegisterJson {

    private RegisterJson() {
    }

    static ObjectNode resident(RegisterResident r) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("residentId", r.residentId());
        json.put("residentCode", r.residentCode());
        json.put("householdId", r.householdId());
        json.put("relationship", r.relationship());
        json.put("familyName", r.familyName());
        json.put("givenName", r.givenName());
        json.put("familyNameKana", r.familyNameKana());
        json.put("givenNameKana", r.givenNameKana());
        json.put("birthDate", date(r.birthDate()));
        json.put("sex", RegisterRepository.sexCode(r.sex()));
        json.put("postalCode", r.postalCode());
        json.put("address", r.address());
        json.put("movedInOn", date(r.movedInOn()));
        json.put("householdHeadResidentId", r.householdHeadResidentId());
        json.put("householdAddress", r.householdAddress());
        json.put("nationality", r.nationality());
        json.put("statusOfResidence", r.statusOfResidence());
        json.put("periodOfStayEnd", date(r.periodOfStayEnd()));
        json.put("residenceCardNumber", r.residenceCardNumber());
        json.put("foreignCategory", r.foreignCategory());
        return json;
    }

    static ObjectNode page(ChangePage page) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode changes = json.putArray("changes");
        for (RegisterChange change : page.changes()) {
            ObjectNode c = changes.addObject();
            if (change instanceof RegisterChange.Upsert upsert) {
                c.put("type", "UPSERT");
                c.set("resident", resident(upsert.resident()));
            } else if (change instanceof RegisterChange.Tombstone tombstone) {
                c.put("type", "TOMBSTONE");
                c.put("residentId", tombstone.residentId());
                c.put("removedAt", SubmissionRepository.TIMESTAMP.format(tombstone.removedAt()));
            }
        }
        json.put("checkpoint", page.checkpoint().token());
        json.put("hasMore", page.hasMore());
        return json;
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
