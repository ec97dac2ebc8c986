package dev.madoguchi.demo;

import static dev.madoguchi.demo.Fixtures.DEFAULT;
import static dev.madoguchi.demo.Fixtures.RESIDENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentNamesTest {

    private static final String KATAKANA = "[\\u30A1-\\u30F6\\u30FC]+";

    private static List<Resident> japanese() {
        return RESIDENTS.stream().filter(r -> !r.isForeign()).toList();
    }

    private static List<Resident> foreign() {
        return RESIDENTS.stream().filter(Resident::isForeign).toList();
    }

    @Test
    void japaneseNamesHaveFullWidthKatakanaFurigana() {
        assertThat(japanese()).allSatisfy(r -> {
            assertThat(r.familyNameKana()).matches(KATAKANA);
            assertThat(r.givenNameKana()).matches(KATAKANA);
            assertThat(r.familyName() + r.givenName()).doesNotContainPattern("[A-Za-z0-9 ]");
        });
    }

    @Test
    void commonFamilyNamesAllOccurAndTheMostCommonLeads() {
        Map<String, Long> counts = japanese().stream()
                .collect(Collectors.groupingBy(Resident::familyName, Collectors.counting()));
        String mostCommon = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();

        assertThat(counts).containsKeys("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤",
                "吉田", "山田");
        assertThat(mostCommon).isIn("佐藤", "鈴木", "高橋", "田中", "伊藤");
    }

    @Test
    void givenNamesAreTypicalOfTheBirthYear() {
        Set<String> modern = Set.of("陽翔", "湊", "陽葵", "紬", "結愛", "芽依", "朝陽", "律");
        Set<String> oldFashioned = Set.of("清", "茂", "勇", "和子", "節子", "千代子", "美代子", "静子");

        assertThat(japanese()).filteredOn(r -> r.birthDate().getYear() < 1960)
                .noneMatch(r -> modern.contains(r.givenName()));
        assertThat(japanese()).filteredOn(r -> r.birthDate().getYear() > 2000)
                .noneMatch(r -> oldFashioned.contains(r.givenName()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"髙橋", "山﨑", "宮﨑", "𠮷田", "德永", "渡邉"})
    void rareRegisterGlyphAppearsInAHousehold(String familyName) {
        assertThat(DEFAULT.households()).anySatisfy(household -> assertThat(
                DEFAULT.resident(household.headResidentId()).orElseThrow().familyName()).isEqualTo(familyName));
    }

    @Test
    void tsuchiYoshiIsStoredAsTheSupplementaryCharacterU20BB7() {
        Resident yoshida = RESIDENTS.stream().filter(r -> r.familyName().startsWith("\uD842\uDFB7")).findFirst()
                .orElseThrow();

        assertThat(yoshida.familyName().codePointAt(0)).isEqualTo(0x20BB7);
        assertThat(yoshida.familyName()).hasSize(3);
        assertThat(yoshida.familyName().codePointCount(0, yoshida.familyName().length())).isEqualTo(2);
        assertThat(yoshida.familyNameKana()).isEqualTo("ヨシダ");
    }

    @Test
    void cardPrintsTheSubstituteCharacterWhileTheRegisterKeepsTheRareGlyph() {
        Map<String, String> substitutes = Map.of("\uD842\uDFB7", "吉", "髙", "高", "﨑", "崎", "德", "徳", "邉", "辺");
        List<Resident> rareHolders = RESIDENTS.stream().filter(r -> r.card() != null)
                .filter(r -> substitutes.keySet().stream().anyMatch(r.fullName()::contains)).toList();

        assertThat(rareHolders).hasSizeGreaterThanOrEqualTo(6);
        assertThat(rareHolders).allSatisfy(r -> {
            String expected = r.fullName();
            for (Map.Entry<String, String> substitute : substitutes.entrySet()) {
                expected = expected.replace(substitute.getKey(), substitute.getValue());
            }
            assertThat(r.card().nameOnCard()).isEqualTo(expected).isNotEqualTo(r.fullName());
        });
        assertThat(RESIDENTS).filteredOn(r -> r.card() != null && !rareHolders.contains(r))
                .allSatisfy(r -> assertThat(r.card().nameOnCard()).isEqualTo(r.fullName()));
    }

    @Test
    void fullNameJoinsJapaneseNamesWithAnIdeographicSpace() {
        Resident resident = japanese().get(0);

        assertThat(resident.fullName()).isEqualTo(resident.familyName() + "\u3000" + resident.givenName());
        assertThat(resident.fullNameKana())
                .isEqualTo(resident.familyNameKana() + "\u3000" + resident.givenNameKana());
    }

    @Test
    void foreignNamesAreUpperCaseLatinWithKatakanaFurigana() {
        assertThat(foreign()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.familyName()).matches("[A-Z]+");
            assertThat(r.givenName()).matches("[A-Z]+( [A-Z]+)*");
            assertThat(r.fullName()).isEqualTo(r.familyName() + " " + r.givenName());
            assertThat(r.familyNameKana()).matches(KATAKANA);
            assertThat(r.givenNameKana()).matches(KATAKANA + "(\\u3000" + KATAKANA + ")*");
            assertThat(r.fullNameKana()).isEqualTo(r.familyNameKana() + "\u3000" + r.givenNameKana());
        });
    }

    @Test
    void wivesShareTheHeadsFamilyNameInJapaneseCouples() {
        long shared = RESIDENTS.stream().filter(r -> r.relationship().equals("妻") && !r.isForeign())
                .filter(r -> {
                    Resident head = DEFAULT.membersOf(r.householdId()).get(0);
                    return !head.isForeign() && head.familyName().equals(r.familyName());
                }).count();
        long wives = RESIDENTS.stream().filter(r -> r.relationship().equals("妻") && !r.isForeign()).count();

        assertThat(shared).isEqualTo(wives);
    }

    @Test
    void kanaOfAFamilyNameIsAlwaysTheSame() {
        Map<String, Set<String>> kanaByName = japanese().stream().collect(Collectors.groupingBy(
                Resident::familyName, Collectors.mapping(Resident::familyNameKana, Collectors.toSet())));

        assertThat(kanaByName.values()).allSatisfy(kana -> assertThat(kana).hasSize(1));
        assertThat(kanaByName).hasSizeGreaterThan(60);
    }
}
