package dev.madoguchi.card.residence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.apdu.Commands;
import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.simulated.MyNumberCardModel;
import dev.madoguchi.card.simulated.ResidenceCardContent;
import dev.madoguchi.card.simulated.ResidenceCardModel;
import dev.madoguchi.card.simulated.SyntheticIssuer;
import dev.madoguchi.card.simulated.TestCards;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whole reads through the service against the simulated cards, and every fault the issue names. */
class ResidenceCardServiceTest {

    static final String NUMBER = "AB12345678CD";
    static final SyntheticIssuer ISSUER = OfficialVectorsTest.Issuers.shared();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);

    private static ResidenceCardService service(ChipReaders readers, ResidenceTrust trust) {
        return new ResidenceCardService(readers, trust, SecureSession.Nonces.secure(), CLOCK);
    }

    private static ResidenceCardModel card(ResidenceCardContent content) {
        return ResidenceCardModel.of(content, ISSUER);
    }

    @Test
    void secondGenerationCardGivesItsEntriesAndAVerifiedSignature() throws Exception {
        ChipReaders readers = new ChipReaders(card(ResidenceCardContent.demoSecondGeneration(NUMBER)));
        ResidenceCardRead read = service(readers, ISSUER.trust())
                .read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.COUNTER);

        assertThat(read.type().generation()).isEqualTo(CardType.Generation.SECOND);
        assertThat(read.type().document()).isEqualTo(CardType.Document.RESIDENCE_CARD);
        PrintedEntries p = read.printed().orElseThrow();
        assertThat(p.cardExpiry()).isEqualTo(LocalDate.of(2031, 3, 31));
        assertThat(p.birthDate()).isEqualTo(LocalDate.of(1994, 7, 15));
        assertThat(p.sexIso5218()).isEqualTo("2");
        assertThat(p.nationalityCode()).isEqualTo("VNM");
        assertThat(p.statusCode()).isEqualTo("0000000019");
        assertThat(p.periodOfStay().yearsAndMonths()).contains(Period.ofYears(3));
        assertThat(p.permissionDate()).contains(LocalDate.of(2028, 4, 1));
        assertThat(p.workRestriction()).contains(PrintedEntries.WorkRestriction.NONE);
        assertThat(p.periodEnd()).contains(LocalDate.of(2031, 3, 31));
        assertThat(read.back().comprehensivePermission()).contains("1");
        assertThat(read.back().comprehensivePermissionUntil()).contains(LocalDate.of(2031, 3, 31));
        assertThat(read.back().applicationPending()).contains("0");
        assertThat(read.signature().status()).isEqualTo(SignatureCheck.Status.VERIFIED);
        assertThat(read.signature().anchor().orElseThrow().name()).isEqualTo(SyntheticIssuer.SECOND_CA_NAME);
        assertThat(read.signature().anchor().orElseThrow().profile()).isEqualTo(ResidenceTrust.Profile.ADDED);
        assertThat(read.signature().certificateCurrent()).isTrue();
        assertThat(read.images().nameOrFrontImage()).hasValueSatisfying(b -> assertThat(b).hasSize(2500));
        assertThat(read.images().addressImage()).isPresent();
        assertThat(read.images().photo()).as("the photo is not kept unless asked").isEmpty();
        assertThat(readers.resets()).as("the card forgets the session afterwards").isEqualTo(1);
        assertThat(read.toString()).doesNotContain("VNM").doesNotContain("1994");
    }

    @Test
    void textOnlyReadTakesTheFewestCommands() throws Exception {
        ChipReaders readers = new ChipReaders(card(ResidenceCardContent.demoSecondGeneration(NUMBER)));
        ResidenceCardRead read = service(readers, ISSUER.trust())
                .read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.TEXT_ONLY);
        // 2 detection + GET CHALLENGE, MUTUAL AUTHENTICATE, VERIFY + SELECT DF1, READ EF02 + SELECT DF2, 3 READs
        assertThat(read.commands()).isEqualTo(11).isEqualTo(readers.commands());
        assertThat(read.signature()).isEqualTo(SignatureCheck.NOT_CHECKED);
        assertThat(read.images()).isEqualTo(CardImages.NONE);

        ChipReaders special = new ChipReaders(card(ResidenceCardContent.demoSpecialPermanentResident(NUMBER)));
        ResidenceCardRead spr = service(special, ISSUER.trust())
                .read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.TEXT_ONLY);
        assertThat(spr.commands()).isEqualTo(9); // DF2 holds one EF
    }

    @Test
    void photoIsKeptOnlyWhenAsked() throws Exception {
        ChipReaders readers = new ChipReaders(card(ResidenceCardContent.demoSecondGeneration(NUMBER)));
        ResidenceCardRead read = service(readers, ISSUER.trust())
                .read(null, CardNumber.parse(NUMBER), new ResidenceReadOptions(false, true, false));
        assertThat(read.images().photo()).hasValueSatisfying(b -> assertThat(b).hasSize(3000));
        assertThat(read.images().nameOrFrontImage()).isEmpty();
        assertThat(read.images().toString()).doesNotContain("MADOGUCHI");
    }

    @Test
    void specialPermanentResidentCertificateHasNoResidencePermissions() throws Exception {
        ChipReaders readers = new ChipReaders(card(ResidenceCardContent.demoSpecialPermanentResident(NUMBER)));
        ResidenceCardRead read = service(readers, ISSUER.trust())
                .read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.COUNTER);
        assertThat(read.type().document()).isEqualTo(CardType.Document.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE);
        PrintedEntries p = read.printed().orElseThrow();
        assertThat(p.sexIso5218()).isEqualTo("1");
        assertThat(p.periodOfStay().indefinite()).isTrue();
        assertThat(p.workRestriction()).isEmpty();
        assertThat(p.periodEnd()).isEmpty();
        assertThat(read.back().comprehensivePermission()).isEmpty();
        assertThat(read.back().commissionerNote()).contains("0");
        assertThat(read.signature().verified()).isTrue();
    }

    @Test
    void firstGenerationCardGivesAddressesFrontImageAndAVerifiedRsaSignature() throws Exception {
        ChipReaders readers = new ChipReaders(card(ResidenceCardContent.demoFirstGeneration(NUMBER)));
        ResidenceCardRead read = service(readers, ISSUER.trust())
                .read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.COUNTER);
        assertThat(read.type().generation()).isEqualTo(CardType.Generation.FIRST);
        assertThat(read.printed()).isEmpty();
        assertThat(read.back().addresses()).hasSize(2);
        BackEntries.AddressEntry current = read.back().currentAddress().orElseThrow();
        assertThat(current.address()).isEqualTo("デモ県見本市試験町四丁目５番６号　見本荘１０１号");
        assertThat(current.writtenOn()).contains(LocalDate.of(2025, 9, 10));
        assertThat(current.municipalityCode()).isEqualTo("999999");
        assertThat(read.images().nameOrFrontImage()).hasValueSatisfying(b -> assertThat(b).hasSize(7000));
        assertThat(read.signature().status()).isEqualTo(SignatureCheck.Status.VERIFIED);
        assertThat(read.signature().anchor().orElseThrow().name()).isEqualTo(SyntheticIssuer.FIRST_CA_NAME);
    }

    @Test
    void wrongNumberIsTypedAndNeverSentTwice() throws Exception {
        for (ResidenceCardContent content : new ResidenceCardContent[] {
            ResidenceCardContent.demoSecondGeneration(NUMBER), ResidenceCardContent.demoFirstGeneration(NUMBER)}) {
            ResidenceCardModel model = card(content);
            ChipReaders readers = new ChipReaders(model);
            ResidenceCardService service = service(readers, ISSUER.trust());
            CardNumber wrong = CardNumber.parse("AB12345678CE");
            assertThatThrownBy(() -> service.read(null, wrong, ResidenceReadOptions.TEXT_ONLY))
                    .isInstanceOfSatisfying(CardIoException.class, e -> {
                        assertThat(e.error()).isEqualTo(CardIoError.WRONG_CARD_NUMBER);
                        assertThat(e.getMessage()).doesNotContain("AB12345678");
                    });
            int sent = model.commandCount();
            assertThatThrownBy(() -> service.read(null, CardNumber.parse("ab12345678ce"),
                    ResidenceReadOptions.TEXT_ONLY))
                    .isInstanceOfSatisfying(CardIoException.class,
                            e -> assertThat(e.error()).isEqualTo(CardIoError.WRONG_CARD_NUMBER));
            assertThat(model.commandCount()).as("the refused number is not sent again").isEqualTo(sent);
            assertThat(service.read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.TEXT_ONLY)).isNotNull();
            service.cardChanged();
            assertThatThrownBy(() -> service.read(null, wrong, ResidenceReadOptions.TEXT_ONLY))
                    .isInstanceOf(CardIoException.class);
            assertThat(model.commandCount()).as("another card: the number may be tried once").isGreaterThan(sent);
        }
    }

    @Test
    void tamperedDataFailsTheSignatureButStillReads() throws Exception {
        ResidenceCardModel model = card(ResidenceCardContent.demoSecondGeneration(NUMBER));
        byte[] printed = model.file(ResidenceFiles.DF1, ResidenceFiles.G2_PRINTED);
        printed[printed.length - 1] ^= 0x01; // the period's end, 20310331 → 20310330
        model.replaceFile(ResidenceFiles.DF1, ResidenceFiles.G2_PRINTED, printed);
        ResidenceCardRead read = service(new ChipReaders(model), ISSUER.trust())
                .read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.COUNTER);
        assertThat(read.signature().status()).isEqualTo(SignatureCheck.Status.SIGNATURE_INVALID);
        assertThat(read.printed().orElseThrow().periodEnd()).contains(LocalDate.of(2031, 3, 30));

        ResidenceCardModel first = card(ResidenceCardContent.demoFirstGeneration(NUMBER).tamperedAfterSigning());
        assertThat(service(new ChipReaders(first), ISSUER.trust())
                .read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.COUNTER).signature().status())
                .isEqualTo(SignatureCheck.Status.SIGNATURE_INVALID);
        ResidenceCardModel second = card(ResidenceCardContent.demoSecondGeneration(NUMBER).tamperedAfterSigning());
        assertThat(service(new ChipReaders(second), ISSUER.trust())
                .read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.COUNTER).signature().status())
                .isEqualTo(SignatureCheck.Status.SIGNATURE_INVALID);
    }

    @Test
    void aCertificateFromAnotherIssuerIsNotTrusted() throws Exception {
        ChipReaders readers = new ChipReaders(card(ResidenceCardContent.demoSecondGeneration(NUMBER)));
        assertThat(service(readers, ResidenceTrust.none())
                .read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.COUNTER).signature().status())
                .isEqualTo(SignatureCheck.Status.CERTIFICATE_UNTRUSTED);
        ChipReaders again = new ChipReaders(card(ResidenceCardContent.demoSecondGeneration(NUMBER)));
        SyntheticIssuer other = SyntheticIssuer.generate();
        assertThat(service(again, other.trust())
                .read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.COUNTER).signature().status())
                .as("same names, other keys").isEqualTo(SignatureCheck.Status.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void aMacThatDoesNotVerifyIsATypedErrorAndNothingIsRead() {
        for (int flip : new int[] {0, 35}) { // in E.ICC, in M.ICC
            ChipReaders readers = new ChipReaders(card(ResidenceCardContent.demoSecondGeneration(NUMBER)))
                    .rewrite((index, answer) -> {
                        if (index == 3) { // GET CHALLENGE is command 2, MUTUAL AUTHENTICATE 3
                            byte[] changed = answer.clone();
                            changed[flip] ^= 0x01;
                            return changed;
                        }
                        return answer;
                    });
            assertThatThrownBy(() -> service(readers, ISSUER.trust())
                    .read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.COUNTER))
                    .isInstanceOfSatisfying(CardIoException.class,
                            e -> assertThat(e.error()).isEqualTo(CardIoError.CARD_AUTHENTICATION_FAILED));
            assertThat(readers.commands()).isEqualTo(4);
        }
    }

    @Test
    void garbledOrTruncatedSecureMessagingAnswersAreTypedErrors() {
        for (int variant = 0; variant < 3; variant++) {
            int v = variant;
            ChipReaders readers = new ChipReaders(card(ResidenceCardContent.demoSecondGeneration(NUMBER)))
                    .rewrite((index, answer) -> {
                        if (index != 6) { // READ BINARY (SM) of the printed entries
                            return answer;
                        }
                        return switch (v) {
                            case 0 -> flip(answer, answer.length - 5); // last block garbled
                            case 1 -> concat(Arrays.copyOf(answer, 20), new byte[] {(byte) 0x90, 0});
                            default -> Commands.hex("8602029000");
                        };
                    });
            assertThatThrownBy(() -> service(readers, ISSUER.trust())
                    .read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.TEXT_ONLY))
                    .isInstanceOfSatisfying(CardIoException.class, e -> assertThat(e.error())
                            .isIn(CardIoError.CORRUPT_DATA, CardIoError.CARD_AUTHENTICATION_FAILED));
        }
    }

    @Test
    void cardPulledBetweenAuthenticationAndReadIsCardRemoved() {
        ChipReaders readers = new ChipReaders(card(ResidenceCardContent.demoFirstGeneration(NUMBER))).leaveAfter(5);
        assertThatThrownBy(() -> service(readers, ISSUER.trust())
                .read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.COUNTER))
                .isInstanceOfSatisfying(CardIoException.class,
                        e -> assertThat(e.error()).isEqualTo(CardIoError.CARD_REMOVED));
    }

    @Test
    void otherCardsAreRefusedWithoutSendingTheNumber() {
        ChipReaders myNumber = new ChipReaders(MyNumberCardModel.of(TestCards.kokutou(), TestCards.keys()));
        assertThatThrownBy(() -> service(myNumber, ISSUER.trust())
                .read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.TEXT_ONLY))
                .isInstanceOfSatisfying(CardIoException.class,
                        e -> assertThat(e.error()).isEqualTo(CardIoError.NOT_RESIDENCE_CARD));
        ChipReaders specified = new ChipReaders(CardTypeDetectorTest.answering("C1023037", "C00430303131"));
        assertThatThrownBy(() -> service(specified, ISSUER.trust())
                .read(null, CardNumber.parse(NUMBER), ResidenceReadOptions.TEXT_ONLY))
                .isInstanceOfSatisfying(CardIoException.class,
                        e -> assertThat(e.error()).isEqualTo(CardIoError.UNSUPPORTED_CARD));
        assertThat(specified.commands()).isEqualTo(3);
    }

    @Test
    void detectNamesTheCardWithoutTheNumber() throws Exception {
        ChipReaders readers = new ChipReaders(card(ResidenceCardContent.demoFirstGeneration(NUMBER)));
        CardType type = service(readers, ResidenceTrust.none()).detect(null);
        assertThat(type.code()).isEqualTo("residence-card-1");
        assertThat(readers.commands()).isEqualTo(2);
        assertThat(Optional.of(type).map(CardType::kind)).contains(CardType.Kind.RESIDENCE_CARD);
    }

    private static byte[] flip(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 0x5A;
        return c;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
