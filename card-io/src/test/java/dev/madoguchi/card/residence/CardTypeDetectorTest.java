package dev.madoguchi.card.residence;

import static dev.madoguchi.card.apdu.Commands.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.detect.CardTypeDetector;
import dev.madoguchi.card.simulated.CardModel;
import dev.madoguchi.card.simulated.ChipModel;
import dev.madoguchi.card.simulated.MyNumberCardModel;
import dev.madoguchi.card.simulated.ResidenceCardContent;
import dev.madoguchi.card.simulated.ResidenceCardModel;
import dev.madoguchi.card.simulated.TestCards;
import org.junit.jupiter.api.Test;

/** Card type detection on every simulated card and on malformed answers. */
class CardTypeDetectorTest {

    /** A chip answering MF/EF02 and MF/EF01 reads with the given bytes (hex + 9000) and 6A82 to everything else. */
    static ChipModel answering(String ef02, String ef01) {
        return new ChipModel() {
            @Override
            public byte[] process(byte[] c) {
                if (c.length >= 3 && c[0] == 0 && (c[1] & 0xFF) == 0xB0 && (c[2] & 0xFF) == 0x8A && ef02 != null) {
                    return hex(ef02 + "9000");
                }
                if (c.length >= 3 && c[0] == 0 && (c[1] & 0xFF) == 0xB0 && (c[2] & 0xFF) == 0x8B && ef01 != null) {
                    return hex(ef01 + "9000");
                }
                return hex("6A82");
            }

            @Override
            public void reset() {}
        };
    }

    private static CardType detect(ChipModel chip) throws Exception {
        return new CardTypeDetector().detect(chip);
    }

    @Test
    void everySimulatedResidenceCardIsNamed() throws Exception {
        CardType second = detect(ResidenceCardModel.of(ResidenceCardContent.demoSecondGeneration("AB12345678CD"),
                OfficialVectorsTest.Issuers.shared()));
        assertThat(second).isEqualTo(new CardType.ResidenceCard(CardType.Document.RESIDENCE_CARD,
                CardType.Generation.SECOND, "05", "0011"));
        assertThat(detect(ResidenceCardModel.of(ResidenceCardContent.demoSpecialPermanentResident("AB12345678CD"),
                OfficialVectorsTest.Issuers.shared())).code())
                .isEqualTo("special-permanent-resident-certificate-2");
        assertThat(detect(ResidenceCardModel.of(ResidenceCardContent.demoFirstGeneration("AB12345678CD"),
                OfficialVectorsTest.Issuers.shared())).code()).isEqualTo("residence-card-1");
        assertThat(detect(answering("C10132", null))).isEqualTo(new CardType.ResidenceCard(
                CardType.Document.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE, CardType.Generation.FIRST, "2", ""));
    }

    @Test
    void myNumberCardAndCardsWithoutAnyOfOurApplications() throws Exception {
        assertThat(detect(MyNumberCardModel.of(TestCards.kokutou(), TestCards.keys())))
                .isInstanceOf(CardType.MyNumberCard.class);
        CardTypeDetector detector = new CardTypeDetector();
        assertThat(detector.detect(new CardModel()).kind()).isEqualTo(CardType.Kind.UNKNOWN);
        assertThat(detector.commands()).isEqualTo(3); // EF02, the text AP, the JPKI AP
    }

    /** A chip with only a JPKI AP whose EF 0006 holds {@code tokenInfo} (as a phone or a 住基カード has). */
    private static CardModel jpkiOnly(byte[] tokenInfo) {
        CardModel chip = new CardModel();
        chip.application(dev.madoguchi.card.mynumber.FirstGenerationProfile.JPKI_AP).file(0x0006, tokenInfo);
        return chip;
    }

    private static byte[] label(String text) {
        byte[] out = new byte[160];
        java.util.Arrays.fill(out, 0, 32, (byte) ' ');
        byte[] t = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, out, 0, t.length);
        return out;
    }

    @Test
    void aPhoneIsNamedByItsJpkiTokenLabel() throws Exception {
        CardTypeDetector detector = new CardTypeDetector();
        assertThat(detector.detect(jpkiOnly(label("JPKIAPGPSETOKEN"))))
                .isEqualTo(new CardType.Smartphone(CardType.Platform.ANDROID));
        assertThat(detector.commands()).isEqualTo(5); // EF02, text AP, JPKI AP, EF 0006, READ BINARY
        assertThat(detect(jpkiOnly(label("JPKIAPIOSTOKEN"))))
                .isEqualTo(new CardType.Smartphone(CardType.Platform.IPHONE));
        assertThat(detect(jpkiOnly(label("JPKIAPIOSTOKEN"))).code()).isEqualTo("smartphone-iphone");
        assertThat(detect(jpkiOnly(label("JPKIAPGPSETOKEN"))).code()).isEqualTo("smartphone-android");
    }

    @Test
    void theSimulatedPhonesAreNamedAndNothingButTheTokenLabelIsRead() throws Exception {
        java.util.List<String> sent = new java.util.ArrayList<>();
        CardModel android = dev.madoguchi.card.simulated.SmartphoneModel.of(CardType.Platform.ANDROID, TestCards.keys());
        CardType type = new CardTypeDetector().detect(c -> {
            sent.add(java.util.HexFormat.of().formatHex(c).toUpperCase());
            return android.transmit(c);
        });
        assertThat(type).isEqualTo(new CardType.Smartphone(CardType.Platform.ANDROID));
        assertThat(sent).containsExactly("00B08A0000", "00A4040C0AD3921000310001010408", "00A4040C0AD392F000260100000001",
                "00A4020C020006", "00B0000020");
        assertThat(detect(dev.madoguchi.card.simulated.SmartphoneModel.of(CardType.Platform.IPHONE, TestCards.keys())))
                .isEqualTo(new CardType.Smartphone(CardType.Platform.IPHONE));
    }

    @Test
    void anOldJukiCardIsNamedAndAMyNumberCardsLabelWithoutItsTextApIsLeftToTheProfiles() throws Exception {
        assertThat(detect(jpkiOnly(label("JPKIAPICCTOKEN")))).isEqualTo(new CardType.JukiCard());
        assertThat(detect(jpkiOnly(label("JPKIAPICCTOKEN"))).code()).isEqualTo("juki-card");
        assertThat(detect(jpkiOnly(label("JPKIAPICCTOKEN2"))).kind()).isEqualTo(CardType.Kind.UNKNOWN);
    }

    @Test
    void anUnknownOrMalformedTokenLabelIsAnUnknownCardAndTheLabelIsNotInTheReason() throws Exception {
        byte[] nonAscii = label("JPKIAPGPSETOKEN");
        nonAscii[3] = (byte) 0xC3;
        byte[][] labels = {label("SOMEOTHERTOKEN"), label(""), nonAscii, "JPKIAPGPSE".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII), label("JPKIAPGPSETOKEN3"), label("jpkiapgpsetoken")};
        for (byte[] l : labels) {
            CardType type = detect(jpkiOnly(l));
            assertThat(type.kind()).isEqualTo(CardType.Kind.UNKNOWN);
            assertThat(((CardType.Unknown) type).reason()).doesNotContainIgnoringCase("JPKIAP")
                    .doesNotContain("OTHER");
        }
        CardModel noTokenFile = new CardModel();
        noTokenFile.application(dev.madoguchi.card.mynumber.FirstGenerationProfile.JPKI_AP);
        assertThat(detect(noTokenFile).kind()).isEqualTo(CardType.Kind.UNKNOWN);
    }

    @Test
    void specifiedCardsOfferBothSides() throws Exception {
        ChipModel specified = new ChipModel() {
            private final ChipModel residence = answering("C1023037", "C00430303131");
            private final CardModel myNumber = MyNumberCardModel.of(TestCards.kokutou(), TestCards.keys());

            @Override
            public byte[] process(byte[] c) {
                return (c[1] & 0xFF) == 0xB0 ? residence.process(c) : myNumber.process(c);
            }

            @Override
            public void reset() {}
        };
        CardType type = detect(specified);
        assertThat(type).isEqualTo(new CardType.SpecifiedCard(CardType.Document.RESIDENCE_CARD, "07", "0011", true));
        assertThat(detect(answering("C1023038", null))).isEqualTo(new CardType.SpecifiedCard(
                CardType.Document.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE, "08", "", false));
    }

    @Test
    void malformedAnswersMakeAnUnknownCardNeverAnException() throws Exception {
        String[] answers = {
            "", "C1", "C102", "C10230", "C10330353000", "C1023039", "C105303030303030", "C10100", "C1021F30",
            "C0023035", "FFFFFFFF", "C1833035", "C18130", "C1023035"
        };
        for (String a : answers) {
            CardType type = detect(answering(a, "C0"));
            if (a.equals("C1023035")) {
                assertThat(type.kind()).isEqualTo(CardType.Kind.RESIDENCE_CARD);
            } else {
                assertThat(type.kind()).as(a).isEqualTo(CardType.Kind.UNKNOWN);
            }
        }
    }

    @Test
    void aWrongLengthAnswerIsAskedAgainWithTheLengthTheCardGave() throws Exception {
        ChipModel strict = new ChipModel() {
            @Override
            public byte[] process(byte[] c) {
                if ((c[1] & 0xFF) == 0xB0 && (c[2] & 0xFF) == 0x8A) {
                    return c[4] == 4 ? hex("C10230359000") : hex("6C04");
                }
                return hex("6A82");
            }

            @Override
            public void reset() {}
        };
        CardTypeDetector detector = new CardTypeDetector();
        assertThat(detector.detect(strict).code()).isEqualTo("residence-card-2");
        assertThat(detector.commands()).isEqualTo(3); // EF02 twice, EF01 once (6A82)
    }
}
