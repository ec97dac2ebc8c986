package dev.madoguchi.card.pcsc;

import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.smartcardio.CardException;
import jnasmartcardio.Smartcardio;

/**
 * The one place where PC/SC failures become {@link CardIoError}s.
 *
 * <p>jnasmartcardio reports the PC/SC return code as a number ({@code JnaPCSCException.code}); the JDK's SunPCSC only
 * as the symbolic name in the message of its internal {@code PCSCException}. Both are turned into the symbolic name
 * here and mapped by name, nowhere else.
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

    private static final Set<String> SERVICE_GONE = Set.of(NO_SERVICE, SERVICE_STOPPED, INVALID_HANDLE);
    private static final Set<String> READER_GONE = Set.of(NO_READERS_AVAILABLE, "SCARD_E_UNKNOWN_READER",
            "SCARD_E_READER_UNAVAILABLE");
    private static final Set<String> CARD_GONE = Set.of("SCARD_E_NO_SMARTCARD", "SCARD_W_REMOVED_CARD",
            "SCARD_W_RESET_CARD", "SCARD_E_NOT_TRANSACTED", "SCARD_W_UNPOWERED_CARD");
    private static final Set<String> CARD_UNUSABLE = Set.of("SCARD_W_UNRESPONSIVE_CARD", "SCARD_E_PROTO_MISMATCH",
            "SCARD_W_UNSUPPORTED_CARD");
    private static final String SHARING_VIOLATION = "SCARD_E_SHARING_VIOLATION";

    /** pcsc-lite / WinSCard return codes by number (winscard.h, pcsclite.h). */
    private static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(0x80100003L, INVALID_HANDLE),
            Map.entry(0x80100009L, "SCARD_E_UNKNOWN_READER"),
            Map.entry(0x8010000AL, "SCARD_E_TIMEOUT"),
            Map.entry(0x8010000BL, SHARING_VIOLATION),
            Map.entry(0x8010000CL, "SCARD_E_NO_SMARTCARD"),
            Map.entry(0x8010000FL, "SCARD_E_PROTO_MISMATCH"),
            Map.entry(0x80100016L, "SCARD_E_NOT_TRANSACTED"),
            Map.entry(0x80100017L, "SCARD_E_READER_UNAVAILABLE"),
            Map.entry(0x8010001DL, NO_SERVICE),
            Map.entry(0x8010001EL, SERVICE_STOPPED),
            Map.entry(0x8010002EL, NO_READERS_AVAILABLE),
            Map.entry(0x80100065L, "SCARD_W_UNSUPPORTED_CARD"),
            Map.entry(0x80100066L, "SCARD_W_UNRESPONSIVE_CARD"),
            Map.entry(0x80100067L, "SCARD_W_UNPOWERED_CARD"),
            Map.entry(0x80100068L, "SCARD_W_RESET_CARD"),
            Map.entry(0x80100069L, "SCARD_W_REMOVED_CARD"),
            Map.entry(0x80100001L, "SCARD_F_INTERNAL_ERROR"),
            Map.entry(0x80100006L, "SCARD_E_NO_MEMORY"));

    private PcscErrors() {}

    /** True when the failure only means that no reader is attached (an empty list, not an error). */
    public static boolean meansNoReaders(Throwable failure) {
        return pcscCode(failure).filter(NO_READERS_AVAILABLE::equals).isPresent();
    }

    /** Maps a failure of the PC/SC stack (listing, opening the service) to the typed error a person can act on. */
    public static CardIoException map(String operation, Throwable failure) {
        if (failure instanceof NoSuchAlgorithmException) {
            return new CardIoException(CardIoError.READER_SERVICE_UNAVAILABLE,
                    operation + ": no PC/SC provider (" + failure.getMessage() + ")", failure);
        }
        Optional<String> code = pcscCode(failure);
        if (code.isPresent()) {
            String c = code.get();
            if (SERVICE_GONE.contains(c)) {
                return new CardIoException(CardIoError.READER_SERVICE_UNAVAILABLE, operation + ": " + c, failure);
            }
            if (READER_GONE.contains(c)) {
                return new CardIoException(CardIoError.NO_READER, operation + ": " + c, failure);
            }
            if (CARD_GONE.contains(c)) {
                return new CardIoException(CardIoError.NO_CARD, operation + ": " + c, failure);
            }
            if (c.equals(SHARING_VIOLATION)) {
                return new CardIoException(CardIoError.CARD_BUSY, operation + ": " + c, failure);
            }
            if (CARD_UNUSABLE.contains(c)) {
                return new CardIoException(CardIoError.UNSUPPORTED_CARD, operation + ": " + c, failure);
            }
            return new CardIoException(CardIoError.READER_ERROR, operation + ": " + c, failure);
        }
        return new CardIoException(CardIoError.READER_ERROR, operation + ": " + failure, failure);
    }

    /** Connecting: a missing card is {@link CardIoError#NO_CARD}. */
    public static CardIoException mapConnect(String reader, Throwable failure) {
        return map("connect to the card on " + reader, failure);
    }

    /**
     * During a session (transmit, exclusive access): a card that is gone or was reset under us is
     * {@link CardIoError#CARD_REMOVED}; a connection already closed because of it likewise.
     */
    public static CardIoException mapTransmit(String reader, Throwable failure) {
        if (failure instanceof IllegalStateException) {
            return new CardIoException(CardIoError.CARD_REMOVED, "card on " + reader + " disconnected", failure);
        }
        CardIoException mapped = map("card on " + reader, failure);
        if (mapped.error() == CardIoError.NO_CARD) {
            return new CardIoException(CardIoError.CARD_REMOVED, "card on " + reader + ": "
                    + pcscCode(failure).orElse("gone"), failure);
        }
        return mapped;
    }

    /**
     * A command got no answer. With contactless cards that is the card leaving the field, and the reader may not know
     * yet (pcscd notices some 70 ms later), so it is {@link CardIoError#CARD_REMOVED} either way; the log line says
     * whether the reader still saw a card.
     */
    public static CardIoException lostAnswer(String reader, boolean cardStillPresent, Throwable cause) {
        return new CardIoException(CardIoError.CARD_REMOVED, "no answer from the card on " + reader
                + (cardStillPresent ? " (reader still reports a card)" : " (card gone)"), cause);
    }

    /** The symbolic PC/SC code (e.g. {@code SCARD_E_NO_SERVICE}) found in the cause chain, if any. */
    static Optional<String> pcscCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Smartcardio.JnaPCSCException jna && NAMES.containsKey(jna.code & 0xFFFFFFFFL)) {
                return Optional.of(NAMES.get(jna.code & 0xFFFFFFFFL));
            }
            if (t instanceof Smartcardio.JnaCardNotPresentException) {
                return Optional.of("SCARD_E_NO_SMARTCARD");
            }
            if (t instanceof CardException || t.getClass().getSimpleName().equals("PCSCException")
                    || t instanceof NoSuchAlgorithmException || t instanceof Smartcardio.EstablishContextException) {
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
