package dev.madoguchi.app.demo;

import dev.madoguchi.card.mynumber.BasicFour;
import dev.madoguchi.card.simulated.MyNumberCardContent;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.demo.DemoCard;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.moveout.MoveOutMember;
import dev.madoguchi.store.moveout.MoveOutRecord;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo's pending move-in records (転出証明書情報) in the desktop's demo store, the same people as the reference
 * backend's demo records (FICTIONAL): the 山田 family of three who filed their 転出 in 別県別市, a person whose name
 * has an Ideographic Variation Sequence and a foreign resident — none of them in the demo register. The demo store
 * keeps them valid from five days before the clerk's sign-in to 30 days after, so the 転入 from move-out data can
 * be walked on any day. The family's 世帯主 has a demo My Number Card ({@link #CARD_ID}) that still shows the old
 * address, as a card does before its holder's 転入.
 */
public final class DemoMoveOuts {

    /** The simulated card of the family's 世帯主 in the demo deck. */
    public static final String CARD_ID = "mo-yamada";
    /** The family's record. */
    public static final String FAMILY_RECORD = "MO-DEMO-0001";

    private static final String PREVIOUS_ADDRESS = "別県別市中町一丁目２番３号";
    private static final LocalDate BORN = LocalDate.of(1985, 4, 1);
    private static final DemoCard CARD = new DemoCard("山田\u3000一郎", PREVIOUS_ADDRESS, LocalDate.of(2035, 4, 1),
            "4921", "4321", "5678", "YAMADA2025", 3, 3, 5);

    private DemoMoveOuts() {
    }

    /** The records as the demo store keeps them on {@code today}. */
    public static List<MoveOutRecord> records(LocalDate today) {
        LocalDate planned = today.minusDays(5);
        LocalDate until = today.plusDays(30);
        MoveOutRecord family = new MoveOutRecord(FAMILY_RECORD, "別県別市", PREVIOUS_ADDRESS, "山田\u3000一郎", planned,
                until, List.of(
                        member("91000000014", "山田", "一郎", "ヤマダ", "イチロウ", BORN, Sex.MALE, "世帯主", null),
                        member("91000000022", "山田", "花子", "ヤマダ", "ハナコ", LocalDate.of(1987, 6, 2), Sex.FEMALE,
                                "妻", null),
                        member("91000000030", "山田", "太郎", "ヤマダ", "タロウ", LocalDate.of(2016, 9, 3), Sex.MALE,
                                "子", null)));
        String katsuragi = "葛\uDB40\uDD00城"; // 葛 with U+E0100: the register's glyph, not the font's default one
        MoveOutRecord variant = new MoveOutRecord("MO-DEMO-0002", "別県北市", "別県北市本町五丁目６番７号",
                katsuragi + "\u3000さくら", planned, until, List.of(member("91000000049", katsuragi, "さくら", "カツラギ",
                        "サクラ", LocalDate.of(1979, 12, 24), Sex.FEMALE, "世帯主", null)));
        MoveOutRecord foreign = new MoveOutRecord("MO-DEMO-0003", "別県南市", "別県南市港町８番９号", "NGUYEN VAN AN",
                planned, until, List.of(member("91000000057", "NGUYEN", "VAN AN", "グエン", "ヴァン\u3000アン",
                        LocalDate.of(1998, 3, 15), Sex.MALE, "世帯主", "ベトナム")));
        return List.of(family, variant, foreign);
    }

    private static MoveOutMember member(String code, String family, String given, String familyKana,
            String givenKana, LocalDate born, Sex sex, String relationship, String nationality) {
        return new MoveOutMember(code, family, given, familyKana, givenKana, born, sex, relationship, nationality);
    }

    /** The family's 世帯主's My Number Card: the old municipality's address, a demo My Number and PIN. */
    static SimulatedCard card(String municipalityCode) {
        MyNumber number = MyNumber.fromFirstElevenDigits("99100000014");
        return new SimulatedCard(CARD_ID, CARD.nameOnCard(), new MyNumberCardContent(
                new BasicFour(CARD.nameOnCard(), CARD.addressOnCard(), BORN, "1"), number.digits(),
                CARD.expiryDate(), CARD.securityCode(), CARD.textPin(), CARD.authPin(), CARD.signPassword(),
                CARD.textPinTriesLeft(), CARD.authPinTriesLeft(), CARD.signPasswordTriesLeft(), municipalityCode,
                "000000000991001"));
    }

    /** The card's line in the デモ menu. */
    static DemoCardLine line() {
        return new DemoCardLine(CARD_ID, CARD.nameOnCard(), CARD.textPin(), CARD.textPinTriesLeft(),
                CARD.collationNumberB(BORN), "転入 from a pending move-out record (family of three, 転出証明書情報)");
    }
}
