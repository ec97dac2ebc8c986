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
}
