package dev.madoguchi.card.residence;

import dev.madoguchi.card.apdu.Commands;
import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.reader.ApduChannel;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.tlv.BerTlv;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The terminal side of the residence card's access control (docs/residence-card.md §3): GET CHALLENGE, MUTUAL
 * AUTHENTICATE with keys derived from the card number, the session key, VERIFY of the card number under secure
 * messaging, and the READ BINARY forms (secure messaging for DF1, plain for DF2/DF3). One instance per card session;
 * counts the commands it sends. Never logs or keeps the card number beyond the call, never retries.
 */
public final class SecureSession {

    /** Where RND.IFD and K.IFD come from; tests give the specification's fixed values. */
    @FunctionalInterface
    public interface Nonces {
        byte[] next(int length);

        /** Fresh random bytes from the platform's strong source. */
        static Nonces secure() {
            SecureRandom random = new SecureRandom();
            return length -> {
                byte[] b = new byte[length];
                random.nextBytes(b);
                return b;
            };
        }
    }

    private final ApduChannel card;
    private final SmCipher cipher;
    private final byte[] sessionKey;
    private int commands;

    private SecureSession(ApduChannel card, SmCipher cipher, byte[] sessionKey, int commands) {
        this.card = card;
        this.cipher = cipher;
        this.sessionKey = sessionKey;
        this.commands = commands;
    }

    /**
     * Authenticates terminal and card to each other with keys derived from {@code number} and agrees on the session
     * key. The card answers {@code 63 00} when the number is not its own: {@link CardIoError#WRONG_CARD_NUMBER}.
     */
    public static SecureSession open(ApduChannel card, CardNumber number, SmCipher cipher, Nonces nonces)
            throws CardIoException {
        Response challenge = card.transmit(new byte[] {0x00, (byte) 0x84, 0x00, 0x00, 0x08});
        expectOk(challenge, "GET CHALLENGE");
        byte[] rndIcc = challenge.data();
        if (rndIcc.length != 8) {
            throw new CardIoException(CardIoError.CORRUPT_DATA, "GET CHALLENGE answered " + rndIcc.length + " bytes");
        }
        byte[] key = KeyDerivation.baseKey(number);
        byte[] rndIfd = nonces.next(8);
        byte[] kIfd = nonces.next(16);
        byte[] eIfd = cipher.encrypt(key, Commands.concat(rndIfd, rndIcc, kIfd));
        byte[] mIfd = cipher.mac(key, eIfd);
        Response answer = card.transmit(mutualAuthenticate(eIfd, mIfd));
        if (answer.sw() == 0x6300) {
            throw new CardIoException(CardIoError.WRONG_CARD_NUMBER, "MUTUAL AUTHENTICATE refused (63 00)");
        }
        expectOk(answer, "MUTUAL AUTHENTICATE");
        byte[] data = answer.data();
        if (data.length != 40) {
            throw new CardIoException(CardIoError.CARD_AUTHENTICATION_FAILED,
                    "MUTUAL AUTHENTICATE answered " + data.length + " bytes, not 40");
        }
        byte[] eIcc = Arrays.copyOf(data, 32);
        byte[] mIcc = Arrays.copyOfRange(data, 32, 40);
        if (!MessageDigest.isEqual(cipher.mac(key, eIcc), mIcc)) {
            throw new CardIoException(CardIoError.CARD_AUTHENTICATION_FAILED, "the card's MAC M.ICC does not verify");
        }
        byte[] plain = cipher.decrypt(key, eIcc);
        if (!MessageDigest.isEqual(Arrays.copyOf(plain, 8), rndIcc)
                || !MessageDigest.isEqual(Arrays.copyOfRange(plain, 8, 16), rndIfd)) {
            throw new CardIoException(CardIoError.CARD_AUTHENTICATION_FAILED, "the card did not return our challenge");
        }
        byte[] kIcc = Arrays.copyOfRange(plain, 16, 32);
        byte[] ks = KeyDerivation.sessionKey(kIfd, kIcc);
        Arrays.fill(kIfd, (byte) 0);
        Arrays.fill(kIcc, (byte) 0);
        Arrays.fill(key, (byte) 0);
        return new SecureSession(card, cipher, ks, 2);
    }

    /** {@code 00 82 00 00 28 E.IFD M.IFD 00}. */
    static byte[] mutualAuthenticate(byte[] eIfd, byte[] mIfd) {
        byte[] c = new byte[46];
        c[1] = (byte) 0x82;
        c[4] = 0x28;
        System.arraycopy(eIfd, 0, c, 5, 32);
        System.arraycopy(mIfd, 0, c, 37, 8);
        return c;
    }

    /** {@code 08 20 00 86 13 86 11 01 Enc(KSenc, number ‖ 80 00 00 00)}: the card number under secure messaging. */
    public static byte[] verifyCommand(SmCipher cipher, byte[] sessionKey, CardNumber number) {
        byte[] encrypted = cipher.encrypt(sessionKey, cipher.pad(number.value().getBytes(StandardCharsets.US_ASCII)));
        byte[] inner = BerTlv.encode(0x86, new byte[] {0x01}, encrypted);
        byte[] c = new byte[5 + inner.length];
        c[0] = 0x08;
        c[1] = 0x20;
        c[3] = (byte) 0x86;
        c[4] = (byte) inner.length;
        System.arraycopy(inner, 0, c, 5, inner.length);
        return c;
    }

    /** Proves the card number to the card; {@code 63 00} is {@link CardIoError#WRONG_CARD_NUMBER}. */
    public void verify(CardNumber number) throws CardIoException {
        Response r = send(verifyCommand(cipher, sessionKey, number));
        if (r.sw() == 0x6300) {
            throw new CardIoException(CardIoError.WRONG_CARD_NUMBER, "VERIFY refused the card number (63 00)");
        }
        expectOk(r, "VERIFY");
    }

    /** SELECT DF by AID. */
    public void select(byte[] aid) throws CardIoException {
        expectOk(send(Commands.selectDf(aid)), "SELECT");
    }

    /**
     * READ BINARY of a whole EF under secure messaging: {@code 08 B0 P1 00 00 00 04 96 02 00 00 00 00}, answered
     * {@code 86 L 01 Enc(KSenc, data ‖ 80 00…)}; returns the data.
     */
    public byte[] readSecure(int p1) throws CardIoException {
        Response r = send(new byte[] {0x08, (byte) 0xB0, (byte) p1, 0x00, 0x00, 0x00, 0x04, (byte) 0x96, 0x02, 0x00,
            0x00, 0x00, 0x00});
        expectOk(r, "READ BINARY (SM)");
        BerTlv object = BerTlv.parseFirst(r.data());
        byte[] value = object.value();
        if (object.tag() != 0x86 || value.length < 1 + cipher.blockSize() || value[0] != 0x01
                || (value.length - 1) % cipher.blockSize() != 0) {
            throw new CardIoException(CardIoError.CORRUPT_DATA, "secure-messaging answer is not 86 L 01 <blocks>");
        }
        byte[] plain = cipher.decrypt(sessionKey, Arrays.copyOfRange(value, 1, value.length));
        return SmCipher.unpad(plain).orElseThrow(
                () -> new CardIoException(CardIoError.CARD_AUTHENTICATION_FAILED, "decrypted answer is not padded"));
    }

    /** READ BINARY of a whole EF in plain: {@code 00 B0 P1 00 00 00 00}. */
    public byte[] readPlain(int p1) throws CardIoException {
        Response r = send(new byte[] {0x00, (byte) 0xB0, (byte) p1, 0x00, 0x00, 0x00, 0x00});
        expectOk(r, "READ BINARY");
        return r.data();
    }

    /** Commands sent in this session, GET CHALLENGE and MUTUAL AUTHENTICATE included. */
    public int commands() {
        return commands;
    }

    /** Forgets the session key. */
    public void close() {
        Arrays.fill(sessionKey, (byte) 0);
    }

    private Response send(byte[] command) throws CardIoException {
        commands++;
        return card.transmit(command);
    }

    static void expectOk(Response r, String what) throws CardIoException {
        if (r.ok()) {
            return;
        }
        CardIoError error = switch (r.sw()) {
            // the card forgot the authentication: reset or moved in the field between commands
            case 0x6982, 0x6988 -> CardIoError.CARD_AUTHENTICATION_FAILED;
            case 0x6A82, 0x6A86, 0x6D00, 0x6E00, 0x6882 -> CardIoError.UNSUPPORTED_CARD;
            default -> CardIoError.CORRUPT_DATA;
        };
        throw new CardIoException(error, String.format("%s answered %04X", what, r.sw()));
    }

}
