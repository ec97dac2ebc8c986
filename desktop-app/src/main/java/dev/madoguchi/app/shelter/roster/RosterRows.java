package dev.madoguchi.app.shelter.roster;

import dev.madoguchi.domain.shelter.AddressKey;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.PresentPerson;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.Stay;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The roster as rows in the order of the safety-information form 様式第1号 (①–⑪, the consent items ⑫⑬⑭), with the
 * address as written and a normalised form for matching after ⑤. The safety-answer list ({@code safetyAnswers})
 * leaves out everyone who consented to no answer, and gives someone who consented only to answers to acquaintances
 * (⑬) with ① name, ⑦ identifying information and ⑧ injury only. One code path for {@code madoguchi shelter roster}
 * and the application's 名簿 tab ({@link RosterExport}); what an export is audited as is {@link #audited}.
 */
public final class RosterRows {

    public static final List<String> HEADER = List.of("氏名", "フリガナ", "出生の年月日", "男女の別", "住所",
            "住所（正規化）", "国籍", "その他個人を識別するための情報", "負傷（疾病）の該当", "負傷又は疾病の状況", "現在の居所",
            "連絡先その他必要情報", "親族・同居者への回答の同意", "知人への回答の同意", "その他の照会・公表への同意");

    private RosterRows() {
    }

    public static List<List<String>> rows(Shelter shelter, List<PresentPerson> people, boolean safetyAnswers) {
        List<List<String>> rows = new ArrayList<>();
        for (PresentPerson p : people) {
            Consent c = p.person().consent();
            if (safetyAnswers && !c.family() && !c.acquaintances() && !c.others()) {
                continue;
            }
            boolean all = !safetyAnswers || c.family() || c.others();
            var e = p.person();
            String injured = e.injury().isBlank() ? "無" : "有";
            rows.add(List.of(e.name(), all ? e.kana() : "",
                    all && e.birthDate() != null ? e.birthDate().toString() : "",
                    all ? switch (e.sex()) {
                        case MALE -> "男";
                        case FEMALE -> "女";
                        case NOT_APPLICABLE -> "";
                    } : "",
                    all ? e.address() : "", all ? AddressKey.of(e.address()) : "", "",
                    "世帯 " + p.householdId() + " / " + e.personId(), injured, all ? e.injury() : "",
                    all ? residence(shelter, p) : "", all ? e.phone() : "", yes(c.family()), yes(c.acquaintances()),
                    yes(c.others())));
        }
        return rows;
    }

    /**
     * What a roster export is recorded as in the audit journal (with its number of rows):
     * {@code roster csv}, {@code roster pdf}, {@code safety-answer roster csv}, {@code safety-answer roster pdf}.
     */
    public static String audited(boolean safetyAnswers, boolean pdf) {
        return (safetyAnswers ? "safety-answer roster" : "roster") + (pdf ? " pdf" : " csv");
    }

    private static String residence(Shelter shelter, PresentPerson p) {
        String where = shelter == null ? "" : shelter.name();
        String stay = switch (p.stay()) {
            case SHELTER -> "避難所内" + (p.space().isEmpty() ? "" : " " + p.space());
            case HOME -> "在宅";
            case CAR -> "車中泊";
            case TENT -> "テント";
            case RELATIVES -> "親族・知人宅";
            case OTHER_MUNICIPALITY -> "他市町村";
        };
        return p.stay() == Stay.SHELTER ? where + " " + stay : where + "（" + stay + "）";
    }

    private static String yes(boolean consented) {
        return consented ? "同意" : "不同意";
    }

    /** RFC 4180 CSV with CRLF line ends; a byte-order mark first when {@code bom}. */
    public static void writeCsv(Writer out, List<List<String>> rows, boolean bom) throws IOException {
        if (bom) {
            out.write('\uFEFF');
        }
        line(out, HEADER);
        for (List<String> row : rows) {
            line(out, row);
        }
        out.flush();
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (i > 0) {
                out.write(',');
            }
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                out.write('"' + cell.replace("\"", "\"\"") + '"');
            } else {
                out.write(cell);
            }
        }
        out.write("\r\n");
    }
}
