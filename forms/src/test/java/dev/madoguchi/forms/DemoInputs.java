package dev.madoguchi.forms;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.forms.prefill.CardRead;
import dev.madoguchi.forms.prefill.ForeignResidentItems;
import dev.madoguchi.forms.prefill.Household;
import dev.madoguchi.forms.prefill.HouseholdMember;
import dev.madoguchi.forms.prefill.PrefillInput;
import dev.madoguchi.forms.prefill.RegisterRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Maps the demo municipality's residents to the forms module's pre-fill records (what the app will do). */
public final class DemoInputs {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static DemoMunicipality municipality;

    private DemoInputs() {
    }

    public static synchronized DemoMunicipality municipality() {
        if (municipality == null) {
            municipality = DemoMunicipality.generateDefault();
        }
        return municipality;
    }

    /** The first card holder whose registered family name satisfies the predicate. */
    public static Resident cardHolder(Predicate<String> familyName) {
        return municipality().cardHolders().stream().filter(r -> familyName.test(r.familyName())).findFirst()
                .orElseThrow();
    }

    public static Resident foreigner() {
        return municipality().residents().stream().filter(Resident::isForeign).filter(r -> r.card() != null)
                .findFirst().orElseThrow();
    }

    public static PrefillInput input(Resident r, Map<String, String> interview) {
        List<Resident> members = municipality().membersOf(r.householdId());
        Resident head = members.get(0);
        CardRead card = r.card() == null ? null
                : new CardRead(r.card().nameOnCard(), r.card().addressOnCard(), r.birthDate(), r.sex());
        ForeignResidentItems foreign = r.foreignResidency() == null ? null : new ForeignResidentItems(
                r.foreignResidency().nationality(), r.foreignResidency().statusOfResidence(),
                r.foreignResidency().periodOfStayEnd() == null ? null : "3年",
                r.foreignResidency().periodOfStayEnd(), r.foreignResidency().residenceCardNumber(),
                r.foreignResidency().category());
        RegisterRecord register = new RegisterRecord(r.residentCode(), r.fullName(), r.fullNameKana(), r.birthDate(),
                r.sex(), r.address(), r.postalCode(), r.relationship(), head.fullName(), foreign);
        Household household = new Household(r.householdId(), members.stream()
                .map(m -> new HouseholdMember(m.fullName(), m.relationship(), m.birthDate())).toList());
        return new PrefillInput(card, register, household, interview,
                Map.of("mayor", "窓口市長", "shelter", "窓口市立第一小学校体育館"), TODAY);
    }

    /** Answers that complete every form for the given resident. */
    public static Map<String, String> fullInterview() {
        return Map.ofEntries(
                Map.entry("notifier", "本人"),
                Map.entry("newAddress", "架空県窓口市本町二丁目３番４号"),
                Map.entry("newPostalCode", "100-0002"),
                Map.entry("movedOn", "2026-11-20"),
                Map.entry("plannedOn", "2026-12-01"),
                Map.entry("destination", "東京都千代田区霞が関一丁目１番１号"),
                Map.entry("targetName", "𠮷田　花子"),
                Map.entry("targetNameKana", "ヨシダ　ハナコ"),
                Map.entry("targetBirthDate", "1990-04-01"),
                Map.entry("targetSex", "女"),
                Map.entry("targetAddress", "架空県窓口市本町一丁目１番１号"),
                Map.entry("copies", "1"),
                Map.entry("relationToTarget", "同一世帯"),
                Map.entry("purpose", "勤務先へ提出"),
                Map.entry("identityDocument", "マイナンバーカード"),
                Map.entry("kokuhoReason", "転入"),
                Map.entry("childName", "髙橋　陽葵"),
                Map.entry("childNameKana", "タカハシ　ヒマリ"),
                Map.entry("childBirthDate", "2026-11-10"),
                Map.entry("childSex", "女"),
                Map.entry("childRelationship", "子"),
                Map.entry("bankAccount", "窓口銀行 本店 普通 1234567"),
                Map.entry("phone", "090-0000-0000"),
                Map.entry("householdCount", "3"),
                Map.entry("disclosure", "同意する"),
                Map.entry("relationToOwner", "所有者かつ居住者"),
                Map.entry("disasterName", "令和8年窓口市地震"),
                Map.entry("disasterOn", "2026-11-15"),
                Map.entry("damage", "屋根瓦の落下、外壁のひび割れ"));
    }
}
