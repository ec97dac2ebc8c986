package dev.madoguchi.card.pcsc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.card.reader.CardIoError;
import java.security.NoSuchAlgorithmException;
import javax.smartcardio.CardException;
import org.junit.jupiter.api.Test;

class PcscErrorsTest {

    /** Same simple name and message form as the JDK's internal sun.security.smartcardio.PCSCException. */
    static final class PCSCException extends Exception {
        private static final long serialVersionUID = 1L;

        PCSCException(String code) {
            super(code);
        }
    }

    @Test
    void serviceNotRunningMeansServiceUnavailable() {
        var e = PcscErrors.map("list readers", new CardException("list() failed", new PCSCException("SCARD_E_NO_SERVICE")));
        assertThat(e.error()).isEqualTo(CardIoError.READER_SERVICE_UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("CARD-001").contains("SCARD_E_NO_SERVICE");
    }

    @Test
    void aContextLostToAServiceRestartMeansServiceUnavailable() {
        var e = PcscErrors.map("list readers", new CardException("x", new PCSCException("SCARD_E_INVALID_HANDLE")));
        assertThat(e.error()).isEqualTo(CardIoError.READER_SERVICE_UNAVAILABLE);
    }

    @Test
    void missingProviderMeansServiceUnavailable() {
        var e = PcscErrors.map("open PC/SC", new NoSuchAlgorithmException("PC/SC not available"));
        assertThat(e.error()).isEqualTo(CardIoError.READER_SERVICE_UNAVAILABLE);
    }

    @Test
    void noReadersAvailableIsRecognisedAsAnEmptyList() {
        var failure = new CardException("list() failed", new PCSCException("SCARD_E_NO_READERS_AVAILABLE"));
        assertThat(PcscErrors.meansNoReaders(failure)).isTrue();
        assertThat(PcscErrors.meansNoReaders(new CardException("other"))).isFalse();
    }

    @Test
    void unknownCodesAreReaderErrorsThatKeepTheCode() {
        var e = PcscErrors.map("connect", new CardException("connect() failed", new PCSCException("SCARD_F_INTERNAL_ERROR")));
        assertThat(e.error()).isEqualTo(CardIoError.READER_ERROR);
        assertThat(e.getMessage()).contains("SCARD_F_INTERNAL_ERROR");
    }

    @Test
    void jnasmartcardioCodesAreMappedByNumber() {
        var noService = new jnasmartcardio.Smartcardio.JnaPCSCException(0x8010001DL, "SCardEstablishContext");
        assertThat(PcscErrors.map("open PC/SC", noService).error()).isEqualTo(CardIoError.READER_SERVICE_UNAVAILABLE);
        var sharing = new jnasmartcardio.Smartcardio.JnaPCSCException(0x8010000BL, "SCardConnect");
        assertThat(PcscErrors.mapConnect("R", sharing).error()).isEqualTo(CardIoError.CARD_BUSY);
        var noCard = new jnasmartcardio.Smartcardio.JnaPCSCException(0x8010000CL, "SCardConnect");
        assertThat(PcscErrors.mapConnect("R", noCard).error()).isEqualTo(CardIoError.NO_CARD);
    }

    @Test
    void aCardGoneDuringASessionIsRemovedNotAbsent() {
        var removed = new jnasmartcardio.Smartcardio.JnaPCSCException(0x80100069L, "SCardTransmit");
        assertThat(PcscErrors.mapTransmit("R", removed).error()).isEqualTo(CardIoError.CARD_REMOVED);
        var reset = new CardException("x", new PCSCException("SCARD_W_RESET_CARD"));
        assertThat(PcscErrors.mapTransmit("R", reset).error()).isEqualTo(CardIoError.CARD_REMOVED);
        assertThat(PcscErrors.lostAnswer("R", true, null).error()).isEqualTo(CardIoError.CARD_REMOVED);
    }

    @Test
    void anUnresponsiveCardIsUnsupported() {
        var mute = new jnasmartcardio.Smartcardio.JnaPCSCException(0x80100066L, "SCardConnect");
        assertThat(PcscErrors.mapConnect("R", mute).error()).isEqualTo(CardIoError.UNSUPPORTED_CARD);
    }

    @Test
    void jnasmartcardioWithoutAServiceMeansServiceUnavailable() {
        var down = new jnasmartcardio.Smartcardio.EstablishContextException(
                new jnasmartcardio.Smartcardio.JnaPCSCException(0x8010001DL, "SCardEstablishContext"));
        assertThat(PcscErrors.map("open PC/SC", down).error()).isEqualTo(CardIoError.READER_SERVICE_UNAVAILABLE);
    }
}
