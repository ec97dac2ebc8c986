package dev.madoguchi.card.mynumber;

import dev.madoguchi.card.apdu.Commands;
import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.reader.ApduChannel;
import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.tlv.BerTlv;
import dev.madoguchi.domain.MyNumber;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.RSAPublicKeySpec;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The My Number Card issued since 2016 (RSA-2048, four APs; docs/card-protocol.md §1). Reads with the fewest APDUs the
 * protocol allows: short-EF-identifier READ BINARY (no SELECT EF for files), the BER header read from the first chunk
 * so that each file takes as many READ BINARYs as its size needs, and no re-SELECT of what is selected.
 */
public final class FirstGenerationProfile implements CardProfile {

    public static final byte[] TEXT_AP = Commands.hex("D3921000310001010408");
    public static final byte[] JPKI_AP = Commands.hex("D392F000260100000001");
    public static final byte[] COMMON_AP = Commands.hex("D3921000310001010100");
    /** 住基AP: only its PIN (EF 001C) is asked, for its tries left (docs/card-protocol.md §1.2). */
    public static final byte[] RESIDENT_REGISTRY_AP = Commands.hex("D3921000310001010401");

    static final int TEXT_PIN = 0x0011;
    static final int COLLATION_B = 0x0015;
    static final int SFI_MY_NUMBER = 0x01;
    static final int SFI_BASIC_FOUR = 0x02;
    static final int SFI_INTEGRITY = 0x03;
    static final int SFI_AP_KEY = 0x07;
    static final int JPKI_AUTH_CERT = 0x000A;
    static final int JPKI_AUTH_PIN = 0x0018;
    static final int JPKI_SIGN_PASSWORD = 0x001B;
    static final int COMMON_RECORD = 0x0001;
    static final int RESIDENT_REGISTRY_PIN = 0x001C;
    static final byte[] SHA256_DIGEST_INFO = Commands.hex("3031300D060960864801650304020105000420");

    private final SecureRandom random;

    public FirstGenerationProfile(SecureRandom random) {
        this.random = random;
    }

    public FirstGenerationProfile() {
        this(new SecureRandom());
    }

    @Override
    public String name() {
        return "My Number Card (2016)";
    }

    @Override
    public boolean detect(ApduChannel card) throws CardIoException {
        return selectDf(card, TEXT_AP);
    }

    @Override
    public PinStatus textKeyStatus(ApduChannel card, TextCredentialKind kind) throws CardIoException {
        return keyStatus(card, kind == TextCredentialKind.PIN ? TEXT_PIN : COLLATION_B);
    }

    @Override
    public Optional<PinStatus> pinStatus(ApduChannel card, PinKind kind) throws CardIoException {
        return FirstGenerationPins.status(card, kind);
    }

    @Override
    public void verifyPin(ApduChannel card, PinKind kind, byte[] ascii) throws CardIoException {
        FirstGenerationPins.verify(card, kind, ascii);
    }

    @Override
    public TextRead readText(CardConnection card, TextCredential credential, ReadOptions options)
            throws CardIoException {
        Counting counted = new Counting(card);
        counted.commands = 0;
        PinStatus status = keyStatus(counted, credential.keyFid());
        if (status.blocked()) {
            throw new CardIoException(CardIoError.PIN_BLOCKED, 0, credential.kind() + " is blocked; nothing sent", null);
        }
        card.resetWhenClosed();
        Response verified = counted.transmit(Commands.verify(credential.ascii()));
        if (!verified.ok()) {
            throw verifyFailure(credential.kind(), verified.sw());
        }
        byte[] basicFourBytes = readFile(counted, SFI_BASIC_FOUR);
        BasicFourFile basicFour = BasicFourFile.parse(basicFourBytes);
        Optional<MyNumberRead> myNumber = Optional.empty();
        byte[] myNumberFile = null;
        if (options.withMyNumber()) {
            myNumberFile = readExactly(counted, SFI_MY_NUMBER, 17);
            String digits = MyNumberFile.digits(myNumberFile);
            myNumber = Optional.of(new MyNumberRead(digits, MyNumber.isValid(digits)));
        }
        Check basicFourHash = Check.NOT_CHECKED;
        Check myNumberHash = Check.NOT_CHECKED;
        if (options.checkIntegrity()) {
            IntegrityRecord integrity = IntegrityRecord.parse(readFile(counted, SFI_INTEGRITY));
            basicFourHash = integrity.matchesBasicFour(basicFour) ? Check.PASSED : Check.FAILED;
            if (myNumberFile != null) {
                myNumberHash = integrity.matchesMyNumberFile(myNumberFile) ? Check.PASSED : Check.FAILED;
            }
        }
        Check challenge = options.challenge() ? challenge(counted) : Check.NOT_CHECKED;
        return new TextRead(basicFour.basicFour(), myNumber,
                new Genuineness(basicFourHash, myNumberHash, Check.NOT_CHECKED, challenge), counted.commands);
    }

    @Override
    public CardHealth health(ApduChannel card) throws CardIoException {
        PinStatus textPin = keyStatus(card, TEXT_PIN);
        Optional<PinStatus> authPin = Optional.empty();
        Optional<PinStatus> signPassword = Optional.empty();
        Optional<LocalDate> validFrom = Optional.empty();
        Optional<LocalDate> validUntil = Optional.empty();
        if (selectDf(card, JPKI_AP)) {
            authPin = Optional.of(keyStatus(card, JPKI_AUTH_PIN));
            signPassword = Optional.of(keyStatus(card, JPKI_SIGN_PASSWORD));
            Optional<X509Certificate> cert = authCertificate(card);
            validFrom = cert.map(c -> LocalDate.ofInstant(c.getNotBefore().toInstant(), ZoneId.of("Asia/Tokyo")));
            validUntil = cert.map(c -> LocalDate.ofInstant(c.getNotAfter().toInstant(), ZoneId.of("Asia/Tokyo")));
        }
        Optional<CardInfo> info = Optional.empty();
        if (selectDf(card, COMMON_AP)) {
            selectEf(card, COMMON_RECORD);
            Response record = card.transmit(Commands.readRecord(1));
            if (!record.ok()) {
                throw unexpected("READ RECORD of the common AP", record.sw());
            }
            info = Optional.of(CardInfo.parse(record.data()));
        }
        return new CardHealth(textPin, authPin, signPassword, validFrom, validUntil, info);
    }

    /**
     * The JPKI user-authentication challenge: reads the 利用者証明用電子証明書, checks the auth PIN's tries (a blocked PIN
     * gets nothing sent), verifies the PIN once, has the card sign a fresh nonce, verifies the signature with the
     * certificate's key and the certificate's chain to the pinned roots (PKIX, revocation off: offline). The caller
     * holds exclusive access; the card is reset when the connection closes.
     */
    public JpkiAuthentication authenticateJpki(CardConnection card, String authPin,
            java.util.Set<java.security.cert.TrustAnchor> roots, java.time.Instant now) throws CardIoException {
        if (authPin == null || !authPin.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("the 利用者証明用 PIN must be four digits");
        }
        if (!selectDf(card, JPKI_AP)) {
            throw new CardIoException(CardIoError.UNSUPPORTED_CARD, "no JPKI AP on the card");
        }
        X509Certificate certificate = authCertificate(card).orElseThrow(
                () -> new CardIoException(CardIoError.UNSUPPORTED_CARD, "no 利用者証明用電子証明書 on the card"));
        PinStatus status = keyStatus(card, JPKI_AUTH_PIN);
        if (status.blocked()) {
            throw new CardIoException(CardIoError.PIN_BLOCKED, 0, "JPKI auth PIN is blocked; nothing sent", null);
        }
        card.resetWhenClosed();
        Response verified = card.transmit(Commands.verify(authPin.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        if (!verified.ok()) {
            throw verifyFailure("JPKI auth PIN", verified.sw());
        }
        selectEf(card, 0x0017);
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        Response signed = card.transmit(Commands.computeSignature(0x80, digestInfo(IntegrityRecord.sha256(nonce))));
        Check signature = Check.FAILED;
        if (signed.ok()) {
            try {
                Signature verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(certificate.getPublicKey());
                verifier.update(nonce);
                signature = verifier.verify(signed.data()) ? Check.PASSED : Check.FAILED;
            } catch (GeneralSecurityException e) {
                signature = Check.FAILED;
            }
        }
        Check chain;
        try {
            java.security.cert.PKIXParameters parameters = new java.security.cert.PKIXParameters(roots);
            parameters.setRevocationEnabled(false);
            parameters.setDate(java.util.Date.from(now));
            java.security.cert.CertPath path = CertificateFactory.getInstance("X.509")
                    .generateCertPath(java.util.List.of(certificate));
            java.security.cert.CertPathValidator.getInstance("PKIX").validate(path, parameters);
            chain = Check.PASSED;
        } catch (GeneralSecurityException e) {
            chain = Check.FAILED;
        }
        return new JpkiAuthentication(signature, chain, Check.NOT_CHECKED, now,
                certificate.getNotAfter().toInstant());
    }

    /** The 利用者証明用電子証明書 from JPKI EF 000A (free on a physical card), if the card has one; JPKI AP selected. */
    static Optional<X509Certificate> authCertificate(ApduChannel card) throws CardIoException {
        Response selected = card.transmit(Commands.selectEf(JPKI_AUTH_CERT));
        if (selected.sw() == 0x6A82) {
            return Optional.empty();
        }
        if (!selected.ok()) {
            throw unexpected("SELECT of the JPKI certificate", selected.sw());
        }
        Response head = card.transmit(Commands.readBinary(0, 256)); // the header and the first chunk in one
        byte[] h = head.data();
        if (!readOk(head) || h.length < 4 || (h[0] & 0xFF) != 0x30 || (h[1] & 0xFF) != 0x82) {
            if (readOk(head) && (h.length == 0 || (h[0] & 0xFF) == 0xFF || h[0] == 0)) {
                return Optional.empty(); // an empty slot: no certificate issued
            }
            throw new CardIoException(CardIoError.CORRUPT_DATA, "JPKI certificate: not a DER SEQUENCE");
        }
        int total = 4 + (((h[2] & 0xFF) << 8) | (h[3] & 0xFF));
        byte[] der = readRest(card, h, total);
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | ClassCastException e) {
            throw new CardIoException(CardIoError.CORRUPT_DATA, "JPKI certificate does not parse", e);
        }
    }

    private Check challenge(ApduChannel card) throws CardIoException {
        byte[] keyFile = readFile(card, SFI_AP_KEY);
        BerTlv outer = BerTlv.parseFirst(keyFile);
        if (outer.tag() != 0xFF50) {
            throw new CardIoException(CardIoError.CORRUPT_DATA, String.format("AP key file: tag %X", outer.tag()));
        }
        PublicKey key = rsaKey(outer.require(0xDF51));
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        byte[] digestInfo = digestInfo(IntegrityRecord.sha256(nonce));
        Response signed = card.transmit(Commands.computeSignature(0x00, digestInfo));
        if (!signed.ok()) {
            return Check.FAILED;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(nonce);
            return verifier.verify(signed.data()) ? Check.PASSED : Check.FAILED;
        } catch (GeneralSecurityException e) {
            return Check.FAILED;
        }
    }

    /** DigestInfo for SHA-256 (the data PKCS#1 v1.5 signs). */
    public static byte[] digestInfo(byte[] sha256) {
        byte[] out = new byte[SHA256_DIGEST_INFO.length + sha256.length];
        System.arraycopy(SHA256_DIGEST_INFO, 0, out, 0, SHA256_DIGEST_INFO.length);
        System.arraycopy(sha256, 0, out, SHA256_DIGEST_INFO.length, sha256.length);
        return out;
    }

    /** An RSA public key as {@code 90 exponent, 91 modulus} inside the given object (as in the CV certificate). */
    static PublicKey rsaKey(BerTlv holder) throws CardIoException {
        BigInteger exponent = new BigInteger(1, holder.require(0x90).value());
        BigInteger modulus = new BigInteger(1, holder.require(0x91).value());
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (GeneralSecurityException e) {
            throw new CardIoException(CardIoError.CORRUPT_DATA, "AP key is not an RSA key", e);
        }
    }

    static PinStatus keyStatus(ApduChannel card, int keyFid) throws CardIoException {
        selectEf(card, keyFid);
        return query(card);
    }

    /** VERIFY without data on the current key EF: its tries left, none consumed. */
    static PinStatus query(ApduChannel card) throws CardIoException {
        int sw = card.transmit(Commands.verifyQuery()).sw();
        if ((sw & 0xFFF0) == 0x63C0) {
            return new PinStatus(sw & 0x0F);
        }
        if (sw == 0x6984 || sw == 0x6983) {
            return new PinStatus(0);
        }
        if (sw == 0x9000 || sw == 0x6300) {
            return new PinStatus(PinStatus.NOT_REPORTED);
        }
        throw unexpected("VERIFY (tries left)", sw);
    }

    static CardIoException verifyFailure(String kind, int sw) {
        if ((sw & 0xFFF0) == 0x63C0) {
            int left = sw & 0x0F;
            if (left == 0) {
                return new CardIoException(CardIoError.PIN_BLOCKED, 0, kind + " wrong; now blocked", null);
            }
            return new CardIoException(CardIoError.WRONG_PIN, left, kind + " wrong; " + left + " left",
                    null);
        }
        if (sw == 0x6984 || sw == 0x6983) {
            return new CardIoException(CardIoError.PIN_BLOCKED, 0, kind + " blocked", null);
        }
        return unexpected("VERIFY", sw);
    }

    static boolean selectDf(ApduChannel card, byte[] aid) throws CardIoException {
        int sw = card.transmit(Commands.selectDf(aid)).sw();
        if (sw == 0x9000) {
            return true;
        }
        if (sw == 0x6A82 || sw == 0x6A86 || sw == 0x6D00 || sw == 0x6E00 || sw == 0x6A81 || sw == 0x6999) {
            return false;
        }
        throw unexpected("SELECT", sw);
    }

    private static void selectEf(ApduChannel card, int fid) throws CardIoException {
        int sw = card.transmit(Commands.selectEf(fid)).sw();
        if (sw != 0x9000) {
            throw unexpected(String.format("SELECT EF %04X", fid), sw);
        }
    }

    /** A whole BER-TLV file by short EF identifier: one READ BINARY when it fits in 256 bytes. */
    static byte[] readFile(ApduChannel card, int sfi) throws CardIoException {
        Response first = card.transmit(Commands.readBinaryShortEf(sfi, 0, 256));
        if (!readOk(first)) {
            throw unexpected(String.format("READ BINARY of EF %02X", sfi), first.sw());
        }
        byte[] head = first.data();
        int total = BerTlv.encodedLength(head, head.length).orElseThrow(
                () -> new CardIoException(CardIoError.CORRUPT_DATA, "file header cut short"));
        return readRest(card, head, total);
    }

    private static byte[] readExactly(ApduChannel card, int sfi, int length) throws CardIoException {
        Response r = card.transmit(Commands.readBinaryShortEf(sfi, 0, length));
        if (!readOk(r)) {
            throw unexpected(String.format("READ BINARY of EF %02X", sfi), r.sw());
        }
        return r.data();
    }

    /** Reads from where {@code head} ends until {@code total} bytes are there (the EF is current). */
    private static byte[] readRest(ApduChannel card, byte[] head, int total) throws CardIoException {
        if (total > 0x7FFF) {
            throw new CardIoException(CardIoError.CORRUPT_DATA, "file claims " + total + " bytes");
        }
        if (head.length >= total) {
            return java.util.Arrays.copyOf(head, total);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(total);
        out.writeBytes(head);
        while (out.size() < total) {
            Response next = card.transmit(Commands.readBinary(out.size(), Math.min(256, total - out.size())));
            byte[] data = next.data();
            if (!readOk(next) || data.length == 0) {
                throw new CardIoException(CardIoError.CORRUPT_DATA, String.format(
                        "file ends at %d of %d bytes (SW %04X)", out.size(), total, next.sw()));
            }
            out.writeBytes(data);
        }
        return java.util.Arrays.copyOf(out.toByteArray(), total);
    }

    private static boolean readOk(Response r) {
        return r.sw() == 0x9000 || r.sw() == 0x6282;
    }

    static CardIoException unexpected(String what, int sw) {
        return new CardIoException(CardIoError.UNSUPPORTED_CARD, String.format("%s answered %04X", what, sw));
    }

    /** Counts the commands of one read. */
    private static final class Counting implements ApduChannel {
        private final ApduChannel card;
        int commands;

        Counting(ApduChannel card) {
            this.card = card;
        }

        @Override
        public Response transmit(byte[] command) throws CardIoException {
            commands++;
            return card.transmit(command);
        }
    }
}
