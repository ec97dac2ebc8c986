package dev.madoguchi.backend.moveout;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo's pending move-in records: people who are not in the demo register and have filed their 転出 elsewhere —
 * a family of three, a person whose name has an Ideographic Variation Sequence, and a foreign resident. They are
 * valid from a few days before the day the backend is first started to 30 days after it.
 */
public final class DemoMoveOuts {

    /** The demo municipality's code (fictional: real codes are assigned by the Ministry). */
    public static final String MUNICIPALITY_CODE = "999997"; // the demo municipality's (demo-municipality), which demo stores hold

    private DemoMoveOuts() {
    }

    public static List<ObjectNode> records(LocalDate firstStart) {
        LocalDate planned = firstStart.minusDays(5);
        LocalDate validUntil = firstStart.plusDays(30);
        ObjectNode family = record("MO-DEMO-0001", "別県別市", "別県別市中町一丁目２番３号", "山田\u3000一郎", planned,
                validUntil);
        family.withArray("members").add(member("91000000014", "山田", "一郎", "ヤマダ", "イチロウ", "1985-04-01", "M",
                "世帯主", null));
        family.withArray("members").add(member("91000000022", "山田", "花子", "ヤマダ", "ハナコ", "1987-06-02", "F",
                "妻", null));
        family.withArray("members").add(member("91000000030", "山田", "太郎", "ヤマダ", "タロウ", "2016-09-03", "M",
                "子", null));
        // 葛 with the variation selector U+E0100: the register's glyph, not the font's default one
        ObjectNode variant = record("MO-DEMO-0002", "別県北市", "別県北市本町五丁目６番７号", "葛\uDB40\uDD00城\u3000さくら",
                planned, validUntil);
        variant.withArray("members").add(member("91000000049", "葛\uDB40\uDD00城", "さくら", "カツラギ", "サクラ",
                "1979-12-24", "F", "世帯主", null));
        ObjectNode foreign = record("MO-DEMO-0003", "別県南市", "別県南市港町８番９号", "NGUYEN VAN AN", planned,
                validUntil);
        foreign.withArray("members").add(member("91000000057", "NGUYEN", "VAN AN", "グエン", "ヴァン　アン",
                "1998-03-15", "M", "世帯主", "ベトナム"));
        return List.of(family, variant, foreign);
    }

    /** A record in the API's shape, without members. */
    public static ObjectNode record(String id, String from, String previousAddress, String previousHead,
            LocalDate planned, LocalDate validUntil) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("recordId", id).put("toMunicipalityCode", MUNICIPALITY_CODE).put("fromMunicipality", from)
                .put("previousAddress", previousAddress).put("previousHead", previousHead)
                .put("plannedMoveDate", planned.toString()).put("validUntil", validUntil.toString());
        r.putArray("members");
        return r;
    }

    public static ObjectNode member(String code, String family, String given, String familyKana, String givenKana,
            String birthDate, String sex, String relationship, String nationality) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("residentCode", code).put("familyName", family).put("givenName", given)
                .put("familyNameKana", familyKana).put("givenNameKana", givenKana).put("birthDate", birthDate)
                .put("sex", sex).put("relationship", relationship).put("nationality", nationality);
        return m;
    }
}
