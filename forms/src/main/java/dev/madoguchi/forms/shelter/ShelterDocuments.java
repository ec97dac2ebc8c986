package dev.madoguchi.forms.shelter;

import dev.madoguchi.domain.shelter.AgeBand;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.SexCounts;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.ShelterReport;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.forms.pdf.TableReport;
import dev.madoguchi.forms.pdf.TableReport.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * The shelter mode's printed documents as {@link TableReport}s, in Japanese (they go to the disaster headquarters
 * and to the staff): the daily report, in numbers only, and the roster (the rows as the roster CSV gives them, consent
 * already applied by the caller). Printed by {@code forms.pdf.TableReportRenderer}.
 */
public final class ShelterDocuments {

    /** The roster column the PDF leaves out: the normalised address is for machines, not for reading. */
    public static final String NORMALISED_ADDRESS = "住所（正規化）";

    private ShelterDocuments() {
    }

    /**
     * @param shelter the shelter's record, or {@code null} when it is not in the store (its id is printed)
     * @param madeAt when the report was made, as printed (e.g. "2026-12-07 18:30")
     */
    public static TableReport dailyReport(ShelterReport r, Shelter shelter, String madeAt) {
        List<TableReport.Field> fields = new ArrayList<>();
        fields.add(new TableReport.Field("避難所", shelterName(shelter, r.shelterId())));
        if (shelter != null && !shelter.address().isBlank()) {
            fields.add(new TableReport.Field("所在地", shelter.address()));
        }
        fields.add(new TableReport.Field("報告日", r.date() + "（この日の終わりの状況、日本時間）"));
        fields.add(new TableReport.Field("作成", madeAt));
        List<TableReport.Block> blocks = new ArrayList<>();

        List<List<String>> totals = new ArrayList<>();
        totals.add(List.of("避難者数（在所者）", n(r.present())));
        totals.add(List.of("世帯数", n(r.households())));
        totals.add(List.of("昼間の在所者", n(r.day())));
        totals.add(List.of("夜間の在所者", n(r.night())));
        if (shelter != null) {
            totals.add(List.of("収容可能人数（昼 / 夜）", shelter.dayCapacity() + " / " + shelter.nightCapacity()));
        }
        blocks.add(new TableReport.Table("避難者数", List.of(Column.text("項目", 3), Column.number("人数", 1)), totals));

        List<List<String>> ages = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            ages.add(sexRow(ageLabel(band), r.ageBands().getOrDefault(band, SexCounts.ZERO)));
        }
        ages.add(sexRow("計", r.bySex()));
        blocks.add(new TableReport.Table("年齢区分・男女別", List.of(Column.text("年齢区分", 2), Column.number("男", 1),
                Column.number("女", 1), Column.number("その他", 1), Column.number("計", 1)), ages));

        List<List<String>> care = new ArrayList<>();
        for (CareKind kind : CareKind.values()) {
            care.add(List.of(careLabel(kind), n(r.byFlag().getOrDefault(kind, 0))));
        }
        care.add(List.of("負傷・疾病あり", n(r.injured())));
        List<List<String>> stays = new ArrayList<>();
        for (Stay stay : Stay.values()) {
            stays.add(List.of(stayLabel(stay), n(r.byStay().getOrDefault(stay, 0))));
        }
        blocks.add(new TableReport.Table("要配慮者（種別ごとの人数）・居所別の人数", List.of(Column.text("要配慮者の種別", 3),
                Column.number("人数", 1), Column.text("居所", 3), Column.number("人数", 1)), sideBySide(care, stays)));

        List<List<String>> animals = new ArrayList<>();
        animals.add(List.of("ペット（頭数の合計）", n(r.pets())));
        r.petsBySpecies().forEach((species, count) -> animals.add(List.of("　うち " + species, n(count))));
        animals.add(List.of("車両（車のある世帯）", n(r.vehicles())));
        List<List<String>> needs = new ArrayList<>();
        r.allergyMeals().forEach((allergen, count) -> needs.add(List.of("アレルギー対応食（"
                + (allergen.isEmpty() || "unspecified".equals(allergen) ? "品目不明" : allergen) + "）", n(count))));
        r.languages().forEach((language, count) -> needs.add(List.of("言語の支援（"
                + (language.isEmpty() ? "言語不明" : language) + "）", n(count))));
        if (needs.isEmpty()) {
            needs.add(List.of("なし", "—"));
        }
        blocks.add(new TableReport.Table("ペット・車両・必要な支援", List.of(Column.text("項目", 3), Column.number("数", 1),
                Column.text("必要な支援", 3), Column.number("人数・食数", 1)), sideBySide(animals, needs)));
        blocks.add(new TableReport.Note("在所者は、この避難所で受け付け、退所していない人です（在宅・車中泊・親族宅などで"
                + "支援を受ける人を含みます）。要配慮者は種別ごとに数えるため、一人が複数の種別に入ることがあります。"
                + "年齢は報告日の年齢です。この報告には氏名などの個人情報を含みません。"));
        return new TableReport("避難所状況報告（日報）", false, fields, blocks, "Madoguchi 避難所 " + r.shelterId()
                + " · " + r.date());
    }

    /**
     * @param header the roster's columns, in the order of 様式第1号 (the CSV's header)
     * @param rows the rows, consent already applied
     * @param safetyAnswers whether this is the 安否情報 answer list (a heading and a note say so)
     */
    public static TableReport roster(Shelter shelter, String shelterId, List<String> header, List<List<String>> rows,
            boolean safetyAnswers, String madeAt) {
        List<Integer> kept = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        columns.add(Column.number("番号", 5));
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (h.equals(NORMALISED_ADDRESS)) {
                continue;
            }
            kept.add(i);
            columns.add(switch (h) {
                case "氏名" -> Column.name(h, 13);
                case "フリガナ" -> Column.text(h, 15);
                case "出生の年月日" -> Column.text(h, 12);
                case "男女の別" -> new Column(h, 5, TableReport.Align.CENTER, false);
                case "住所" -> Column.name(h, 22);
                case "国籍" -> Column.text(h, 3);
                case "その他個人を識別するための情報" -> Column.text(h, 26);
                case "負傷（疾病）の該当" -> new Column(h, 5, TableReport.Align.CENTER, false);
                case "現在の居所" -> Column.name(h, 15);
                case "親族・同居者への回答の同意", "知人への回答の同意", "その他の照会・公表への同意" ->
                        new Column(h, 6, TableReport.Align.CENTER, false);
                case "負傷又は疾病の状況" -> Column.text(h, 10);
                default -> Column.text(h, 13);
            });
        }
        List<List<String>> printed = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = new ArrayList<>(columns.size());
            row.add(Integer.toString(r + 1));
            for (int i : kept) {
                row.add(rows.get(r).get(i));
            }
            printed.add(row);
        }
        String title = safetyAnswers ? "安否情報の回答に用いる名簿（同意のある人・項目のみ）" : "避難者名簿（職員用）";
        List<TableReport.Field> fields = List.of(new TableReport.Field("避難所", shelterName(shelter, shelterId)),
                new TableReport.Field("人数", rows.size() + "人"), new TableReport.Field("作成", madeAt));
        List<TableReport.Block> blocks = new ArrayList<>();
        blocks.add(new TableReport.Table("", columns, printed));
        blocks.add(new TableReport.Note(safetyAnswers
                ? "⑫⑬⑭のいずれにも同意していない人は載せていません。知人への回答（⑬）だけに同意した人は、氏名・識別情報・"
                        + "負傷の該当のみです。回答のほかに使わず、用が済んだら廃棄してください。"
                : "職員用。個人情報を含みます。避難所の外に持ち出さず、用が済んだら廃棄してください。"
                        + "列は様式第1号の順です。"));
        return new TableReport(title, true, fields, blocks, "Madoguchi 避難所 " + shelterId + " · " + madeAt);
    }

    /** Two two-column lists as the halves of one four-column table (the shorter one padded with empty cells). */
    private static List<List<String>> sideBySide(List<List<String>> left, List<List<String>> right) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            List<String> row = new ArrayList<>(i < left.size() ? left.get(i) : List.of("", ""));
            row.addAll(i < right.size() ? right.get(i) : List.of("", ""));
            rows.add(row);
        }
        return rows;
    }

    private static String shelterName(Shelter shelter, String id) {
        return shelter == null ? id : shelter.name() + "（" + id + "）";
    }

    private static List<String> sexRow(String label, SexCounts c) {
        return List.of(label, n(c.male()), n(c.female()), n(c.other()), n(c.total()));
    }

    private static String n(int value) {
        return Integer.toString(value);
    }

    static String ageLabel(AgeBand band) {
        return switch (band) {
            case UNDER_6 -> "0〜5歳";
            case CHILD -> "6〜12歳";
            case YOUTH -> "13〜17歳";
            case ADULT -> "18〜64歳";
            case SENIOR -> "65〜74歳";
            case ELDER -> "75歳以上";
            case UNKNOWN -> "不明（生年月日なし）";
        };
    }

    static String careLabel(CareKind kind) {
        return switch (kind) {
            case ELDERLY -> "高齢者";
            case DISABLED -> "障害のある人";
            case PREGNANT -> "妊産婦";
            case INFANT -> "乳幼児";
            case ALLERGY -> "アレルギー";
            case MEDICATION -> "服薬・持病";
            case CARE -> "要介護";
            case UNWELL -> "体調不良";
            case LANGUAGE -> "言語の支援";
            case SERVICE_DOG -> "補助犬";
        };
    }

    static String stayLabel(Stay stay) {
        return switch (stay) {
            case SHELTER -> "避難所内";
            case HOME -> "在宅";
            case CAR -> "車中泊";
            case TENT -> "テント";
            case RELATIVES -> "親族・知人宅";
            case OTHER_MUNICIPALITY -> "他市町村";
        };
    }
}
