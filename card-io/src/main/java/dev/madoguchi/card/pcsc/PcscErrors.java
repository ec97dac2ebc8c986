package dev.madoguchi.card.pcsc;

import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import javax.smartcardio.CardException;

/**
 * The one place where PC/SC failures become {@link CardIoError}s.
 *
 * <p>The JDK's SunPCSC provider reports PC/SC return codes only as the symbolic name in the message of its internal
 * {@code PCSCException} (e.g. {@code SCARD_E_NO_SERVICE}); that class is not exported, so the name is read from the
 * cause chain here and nowhere else.
 */
public final class PcscErrors {

    /** pcsc-lite and WinSCard: the smart-card service is not running. */
    static final String NO_SERVICE = "SCARD_E_NO_SERVICE";
    /** The service went away under an existing context (pcscd restarted). */
    static final String SERVICE_STOPPED = "SCARD_E_SERVICE_STOPPED";
    /** A context made before a service restart is no longer valid. */
    static final String INVALID_HANDLE = "SCARD_E_INVALID_HANDLE";
    /** Windows and pcsc-lite: listing readers when none is attached. */
    static final String NO_READERS_AVAILABLE = "SCARD_E_NO_READERS_AVAILABLE";

    private PcscErrors() {}

    /** True when the failure only means that no reader is attached (an empty list, not an error). */
    public static boolean meansNoReaders(Throwable failure) {
        return pcscCode(failure).filter(NO_READERS_AVAILABLE::equals).isPresent();
    }

    /** Maps a failure of the PC/SC stack to the typed error a person can act on. */
    public static CardIoException map(String operation, Throwable failure) {
        if (failure instanceof NoSuchAlgorithmException) {
            return new CardIoException(CardIoError.READER_SERVICE_UNAVAILABLE,
                    operation + ": no PC/SC provider (" + failure.getMessage() + ")", failure);
        }
        Optional<String> code = pcscCode(failure);
        if (code.isPresent()) {
            String c = code.get();
            if (c.equals(NO_SERVICE) || c.equals(SERVICE_STOPPED) || c.equals(INVALID_HANDLE)) {
                return new CardIoException(CardIoError.READER_SERVICE_UNAVAILABLE, operation + ": " + c, failure);
            }
            if (c.equals(NO_READERS_AVAILABLE)) {
                return new CardIoException(CardIoError.NO_READER, operation + ": " + c, failure);
            }
            return new CardIoException(CardIoError.READER_ERROR, operation + ": " + c, failure);
        }
        return new CardIoException(CardIoError.READER_ERROR, operation + ": " + failure, failure);
    }

    /** The symbolic PC/SC code (e.g. {@code SCARD_E_NO_SERVICE}) found in the cause chain, if any. */
    static Optional<String> pcscCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CardException || t.getClass().getSimpleName().equals("PCSCException")
                    || t instanceof NoSuchAlgorithmException) {
                String message = t.getMessage();
                if (message != null) {
                    int at = message.indexOf("SCARD_");
                    if (at >= 0) {
                        int end = at;
                        while (end < message.length()
                                && (Character.isUpperCase(message.charAt(end)) || message.charAt(end) == '_')) {
                            end++;
                        }
                        return Optional.of(message.substring(at, end));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
