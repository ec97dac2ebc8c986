package dev.madoguchi.card.pcsc;

import static dev.madoguchi.card.pcsc.PcscTestSupport.FIRST_READER;
import static dev.madoguchi.card.pcsc.PcscTestSupport.awaitCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.residence.CardNumber;
import dev.madoguchi.card.residence.ResidenceCardRead;
import dev.madoguchi.card.residence.ResidenceCardService;
import dev.madoguchi.card.residence.ResidenceReadOptions;
import dev.madoguchi.card.residence.SignatureCheck;
import dev.madoguchi.card.simulated.ResidenceCardContent;
import dev.madoguchi.card.simulated.ResidenceCardModel;
import dev.madoguchi.card.simulated.SyntheticIssuer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Residence cards read through the real stack: jnasmartcardio → libpcsclite → pcscd → vpcd → {@link ResidenceCardModel}
 * behind a {@link VpcdVirtualCard}. The DF1 reads answer with several kilobytes (extended-length READ BINARY, as the
 * specification gives it). Runs only under ./run-tests (skips without pcscd).
 */
class ResidenceCardThroughPcscdTest {

    /** The ATR a contactless reader makes up for a type B card without historical bytes (PC/SC part 3). */
    static final byte[] CONTACTLESS_ATR = {0x3B, (byte) 0x80, (byte) 0x80, 0x01, 0x01};
    static final String NUMBER = "AB12345678CD";

    private static SyntheticIssuer issuer;
    private final PcscCardReaders readers = PcscCardReaders.system();

    @BeforeAll
    static void requirePcscd() {
        PcscTestSupport.requirePcscd();
        issuer = SyntheticIssuer.generate();
    }

    private final class VirtualResidenceCard implements AutoCloseable {
        final ResidenceCardModel model;
        final List<String> commands = new CopyOnWriteArrayList<>();
        final VpcdVirtualCard vpcd;

        VirtualResidenceCard(ResidenceCardContent content) throws Exception {
            model = ResidenceCardModel.of(content, issuer);
            vpcd = VpcdVirtualCard.insert(VpcdVirtualCard.FIRST_READER_PORT, CONTACTLESS_ATR, apdu -> {
                commands.add(HexFormat.of().withUpperCase().formatHex(apdu));
                return model.process(apdu);
            }, model::reset);
            awaitCard(readers, FIRST_READER, true);
        }

        @Override
        public void close() throws Exception {
            vpcd.close();
            awaitCard(readers, FIRST_READER, false);
        }
    }

    private ResidenceCardService service() {
        return new ResidenceCardService(readers, issuer.trust());
    }

    @Test
    void readsASecondGenerationCardWithItsSignatureThroughPcscd() throws Exception {
        try (VirtualResidenceCard card = new VirtualResidenceCard(ResidenceCardContent.demoSecondGeneration(NUMBER))) {
            ResidenceCardRead read = service().read(FIRST_READER, CardNumber.parse(NUMBER),
                    ResidenceReadOptions.COUNTER);
            assertThat(read.printed().orElseThrow().birthDate()).isEqualTo(LocalDate.of(1994, 7, 15));
            assertThat(read.printed().orElseThrow().nationalityCode()).isEqualTo("VNM");
            assertThat(read.signature().status()).isEqualTo(SignatureCheck.Status.VERIFIED);
            assertThat(read.images().nameOrFrontImage()).isPresent();
            assertThat(read.images().photo()).isEmpty();
            assertThat(card.commands).contains("08B0840000000496020000" + "0000");
            assertThat(read.commands()).isEqualTo(card.commands.size());
        }
    }

    @Test
    void readsAFirstGenerationCardThroughPcscd() throws Exception {
        try (VirtualResidenceCard card = new VirtualResidenceCard(ResidenceCardContent.demoFirstGeneration(NUMBER))) {
            assertThat(service().detect(FIRST_READER).code()).isEqualTo("residence-card-1");
            ResidenceCardRead read = service().read(FIRST_READER, CardNumber.parse(NUMBER),
                    ResidenceReadOptions.COUNTER);
            assertThat(read.type().generation()).isEqualTo(CardType.Generation.FIRST);
            assertThat(read.back().currentAddress().orElseThrow().address()).startsWith("デモ県見本市");
            assertThat(read.signature().status()).isEqualTo(SignatureCheck.Status.VERIFIED);
        }
    }

    @Test
    void aWrongNumberIsReportedAndNotSentAgainThroughPcscd() throws Exception {
        try (VirtualResidenceCard card = new VirtualResidenceCard(ResidenceCardContent.demoSecondGeneration(NUMBER))) {
            ResidenceCardService service = service();
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThatThrownBy(() -> service.read(FIRST_READER, CardNumber.parse("AB12345678CE"),
                        ResidenceReadOptions.TEXT_ONLY)).isInstanceOfSatisfying(CardIoException.class,
                        e -> assertThat(e.error()).isEqualTo(CardIoError.WRONG_CARD_NUMBER));
            }
            assertThat(card.commands.stream().filter(c -> c.startsWith("00820000"))).hasSize(1);
        }
    }

    @Test
    void aCardPulledAfterAuthenticationIsReportedRemovedThroughPcscd() throws Exception {
        try (VirtualResidenceCard card = new VirtualResidenceCard(ResidenceCardContent.demoSecondGeneration(NUMBER))) {
            card.vpcd.leaveAfter(5); // detection (2), GET CHALLENGE, MUTUAL AUTHENTICATE, VERIFY; then gone
            assertThatThrownBy(() -> service().read(FIRST_READER, CardNumber.parse(NUMBER),
                    ResidenceReadOptions.COUNTER)).isInstanceOfSatisfying(CardIoException.class,
                    e -> assertThat(e.error()).isIn(CardIoError.CARD_REMOVED, CardIoError.NO_CARD));
        }
    }
}
