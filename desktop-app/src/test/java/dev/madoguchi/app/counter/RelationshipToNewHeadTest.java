package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.domain.Sex;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 続柄 to a new 世帯主 from the 続柄 to the former one: the table of what the register decides, the siblings by birth
 * date and sex, and the cases left to the clerk (an empty cell: null).
 */
class RelationshipToNewHeadTest {

    private static final LocalDate HEAD_BORN = LocalDate.of(2000, 6, 15);

    private static Mover person(String code, String relationship, Sex sex, LocalDate born) {
        return new Mover(code, "氏名" + code, "シメイ", born, sex, relationship, null, null, null, null, null, null);
    }

    @ParameterizedTest(name = "new head was {0}, member was {1} ({2}, {3}) → {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # new head | member | member's sex | born | to the new head (- : not decided, for the clerk)
            世帯主 | 妻     | FEMALE | 1970-01-01 | 妻
            世帯主 | 子の妻 | FEMALE | 1999-01-01 | 子の妻
            子     | 妻     | FEMALE | 1970-01-01 | 母
            子     | 夫     | MALE   | 1970-01-01 | 父
            子     | 父     | MALE   | 1940-01-01 | 祖父
            子     | 母     | FEMALE | 1942-01-01 | 祖母
            子     | 子     | MALE   | 1998-03-01 | 兄
            子     | 子     | FEMALE | 1998-03-01 | 姉
            子     | 子     | MALE   | 2003-03-01 | 弟
            子     | 子     | FEMALE | 2003-03-01 | 妹
            子     | 子     | MALE   | 2000-06-15 | -
            子     | 子     | NOT_APPLICABLE | 2003-03-01 | -
            子     | 子の妻 | FEMALE | 2001-01-01 | -
            子     | 孫     | MALE   | 2024-01-01 | -
            子     | 妻の子 | MALE   | 2005-01-01 | -
            子     | 妻の母 | FEMALE | 1945-01-01 | -
            子     | 兄     | MALE   | 1968-01-01 | -
            子     | 同居人 | MALE   | 1980-01-01 | -
            妻     | 子     | MALE   | 2000-01-01 | 子
            妻     | 妻の子 | FEMALE | 1995-01-01 | 子
            妻     | 夫の子 | FEMALE | 1995-01-01 | -
            妻     | 父     | MALE   | 1940-01-01 | 夫の父
            妻     | 母     | FEMALE | 1942-01-01 | 夫の母
            妻     | 妻の父 | MALE   | 1941-01-01 | 父
            妻     | 妻の母 | FEMALE | 1943-01-01 | 母
            妻     | 孫     | FEMALE | 2024-01-01 | 孫
            妻     | 子の妻 | FEMALE | 1999-01-01 | 子の妻
            妻     | 兄     | MALE   | 1968-01-01 | -
            妻     | 同居人 | MALE   | 1980-01-01 | -
            夫     | 子     | FEMALE | 2000-01-01 | 子
            夫     | 夫の子 | MALE   | 1995-01-01 | 子
            夫     | 妻の子 | MALE   | 1995-01-01 | -
            夫     | 父     | MALE   | 1940-01-01 | 妻の父
            夫     | 母     | FEMALE | 1942-01-01 | 妻の母
            夫     | 夫の母 | FEMALE | 1943-01-01 | 母
            母     | 子     | MALE   | 2000-01-01 | 孫
            母     | 妻     | FEMALE | 1970-01-01 | 子の妻
            父     | 夫     | MALE   | 1970-01-01 | 子の夫
            母     | 父     | MALE   | 1940-01-01 | -
            母     | 弟     | MALE   | 1975-01-01 | -
            孫     | 子     | MALE   | 1975-01-01 | -
            孫     | 妻     | FEMALE | 1950-01-01 | -
            兄     | 父     | MALE   | 1940-01-01 | -
            同居人 | 妻     | FEMALE | 1970-01-01 | -
            子の妻 | 子     | MALE   | 1999-01-01 | -
            """)
    void theRelationshipToTheNewHeadIsDerivedOnlyWhereTheRegisterDecidesIt(String headWas, String memberWas,
            Sex sex, LocalDate born, String expected) {
        Mover head = person("H", headWas, Sex.MALE, HEAD_BORN);
        Mover member = person("M", memberWas, sex, born);
        assertThat(RelationshipToNewHead.derive(head, member)).isEqualTo(expected);
    }

    @Test
    void theNewHeadsRowSaysHeadAndOnlyChangedOrUndecidedRelationshipsAreListed() {
        Mover wife = person("W", "妻", Sex.FEMALE, LocalDate.of(1970, 1, 1));
        Mover son = person("S", "子", Sex.MALE, LocalDate.of(1998, 1, 1));
        Mover daughter = person("D", "子", Sex.FEMALE, LocalDate.of(2000, 6, 15));
        Mover daughterInLaw = person("L", "子の妻", Sex.FEMALE, LocalDate.of(1999, 1, 1));

        RelationshipToNewHead.Rows rows = RelationshipToNewHead.rows(List.of(wife, son, daughter, daughterInLaw),
                "D", Map.of());
        assertThat(rows.rows()).extracting(Mover::relationship).containsExactly("母", "兄", "世帯主", null);
        assertThat(rows.changes()).extracting(c -> c.mover().residentCode(), RelationshipToNewHead.Change::derived)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("W", true),
                        org.assertj.core.groups.Tuple.tuple("S", true),
                        org.assertj.core.groups.Tuple.tuple("L", false));
        assertThat(rows.toAsk()).singleElement().satisfies(c -> assertThat(c.unknown()).isTrue());

        RelationshipToNewHead.Rows typed = RelationshipToNewHead.rows(List.of(wife, son, daughter, daughterInLaw),
                "D", Map.of("L", " 兄の妻 ", "S", "弟"));
        assertThat(typed.rows()).extracting(Mover::relationship).as("a typed 続柄 never replaces a derived one")
                .containsExactly("母", "兄", "世帯主", "兄の妻");
        assertThat(typed.toAsk()).singleElement().satisfies(c -> assertThat(c.unknown()).isFalse());

        Mover wifeHead = person("W", "妻", Sex.FEMALE, LocalDate.of(1970, 1, 1));
        RelationshipToNewHead.Rows spouse = RelationshipToNewHead.rows(List.of(son, wifeHead), "W", Map.of());
        assertThat(spouse.rows()).extracting(Mover::relationship).containsExactly("子", "世帯主");
        assertThat(spouse.changes()).as("子 stays 子: nothing to say").isEmpty();
    }

    @Test
    void nothingChangesWhenTheFormerHeadHeadsOrNobodyDoes() {
        Mover head = person("H", "世帯主", Sex.MALE, LocalDate.of(1970, 1, 1));
        Mover child = person("C", "子", Sex.MALE, LocalDate.of(2000, 1, 1));
        List<Mover> movers = List.of(child, head);
        assertThat(RelationshipToNewHead.rows(movers, "H", Map.of()).rows()).isEqualTo(movers);
        assertThat(RelationshipToNewHead.rows(movers, null, Map.of()).rows()).isEqualTo(movers);
        assertThat(RelationshipToNewHead.rows(movers, "X", Map.of()).changes()).isEmpty();
    }

    private static final List<String> RELATIONSHIPS = List.of("世帯主", "妻", "夫", "子", "父", "母", "孫", "兄", "姉",
            "弟", "妹", "同居人", "妻の母", "夫の母", "子の妻", "妻の子", "夫の子", "妻の父", "夫の父", "子の夫");

    @Provide
    Arbitrary<Mover> members() {
        return Combinators.combine(Arbitraries.of(RELATIONSHIPS), Arbitraries.of(Sex.class),
                Arbitraries.integers().between(0, 36_000)).as((r, sex, days) ->
                        person("M", r, sex, LocalDate.of(1925, 1, 1).plusDays(days)));
    }

    @Property
    void twoChildrenAreEachOthersSiblingsTheOtherWayRound(@ForAll("members") Mover a, @ForAll("members") Mover b) {
        Mover first = person("A", "子", a.sex(), a.birthDate());
        Mover second = person("B", "子", b.sex(), b.birthDate());
        String bToA = RelationshipToNewHead.derive(first, second);
        String aToB = RelationshipToNewHead.derive(second, first);
        if (bToA == null || aToB == null) {
            // only a shared birth day or an unknown sex leaves it open
            assertThat(a.birthDate().equals(b.birthDate()) || a.sex() == Sex.NOT_APPLICABLE
                    || b.sex() == Sex.NOT_APPLICABLE).isTrue();
        } else {
            boolean bElder = "兄".equals(bToA) || "姉".equals(bToA);
            boolean aElder = "兄".equals(aToB) || "姉".equals(aToB);
            assertThat(bElder).isNotEqualTo(aElder);
        }
    }

    @Property
    void aDerivedRelationshipIsARegisterWordAndNeverTheHeadsOwn(@ForAll("members") Mover head,
            @ForAll("members") Mover member) {
        Mover newHead = person("H", head.relationship(), head.sex(), head.birthDate());
        String derived = RelationshipToNewHead.derive(newHead, member);
        if ("世帯主".equals(head.relationship())) {
            assertThat(derived).isEqualTo(member.relationship());
        } else if (derived != null) {
            assertThat(derived).isNotEqualTo("世帯主").isIn(List.of("妻", "夫", "子", "父", "母", "孫", "兄", "姉", "弟",
                    "妹", "祖父", "祖母", "妻の父", "妻の母", "夫の父", "夫の母", "子の妻", "子の夫"));
        }
    }

    @Test
    void joiningAHouseholdDerivesNothingEvenForTheFormerHeadAndKeepsOnlyWhatTheClerkTyped() {
        Mover head = person("H", "世帯主", Sex.MALE, LocalDate.of(1960, 1, 1));
        Mover wife = person("W", "妻", Sex.FEMALE, LocalDate.of(1962, 1, 1));
        Mover child = person("C", "子", Sex.MALE, HEAD_BORN);

        RelationshipToNewHead.Rows none = RelationshipToNewHead.joined(List.of(head, wife, child), Map.of());
        assertThat(none.rows()).extracting(Mover::relationship).containsOnlyNulls();
        assertThat(none.toAsk()).extracting(c -> c.mover().residentCode()).containsExactly("H", "W", "C");
        assertThat(none.toAsk()).allMatch(RelationshipToNewHead.Change::unknown);

        RelationshipToNewHead.Rows typed = RelationshipToNewHead.joined(List.of(head, wife, child),
                Map.of("H", " 子 ", "W", "子の妻", "C", ""));
        assertThat(typed.rows()).extracting(Mover::relationship).containsExactly("子", "子の妻", null);
        assertThat(typed.toAsk()).filteredOn(RelationshipToNewHead.Change::unknown)
                .extracting(c -> c.mover().residentCode()).containsExactly("C");
    }
}
