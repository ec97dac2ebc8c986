package dev.madoguchi.card.simulated;

import dev.madoguchi.card.apdu.Commands;
import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.residence.CardNumber;
import dev.madoguchi.card.residence.KeyDerivation;
import dev.madoguchi.card.residence.ResidenceFields;
import dev.madoguchi.card.residence.ResidenceFiles;
import dev.madoguchi.card.residence.ResidenceSignature;
import dev.madoguchi.card.residence.SecureSession;
import dev.madoguchi.card.residence.SmCipher;
import dev.madoguchi.card.tlv.BerTlv;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The card side of a residence card (either generation) in plain Java, written from the specification: free MF
 * EF01/EF02, GET CHALLENGE, MUTUAL AUTHENTICATE with keys from its card number, VERIFY of the number under secure
 * messaging ({@code 63 00} when wrong), SELECT of DF1–DF3, READ BINARY under secure messaging for DF1 and in plain for
 * DF2/DF3 after VERIFY. Its check code is made with a {@link SyntheticIssuer}'s key. Used by the simulated reader, the
 * protocol tests and the vpcd virtual card. Thread-safe ({@code synchronized}) for the vpcd socket thread.
 */
public final class ResidenceCardModel implements ChipModel {

    private static final String MF = "MF";

    private final CardType.Generation generation;
    private final SmCipher cipher;
    private final byte[] baseKey;
    private final byte[] cardNumber;
    private final SecureSession.Nonces nonces;
    private final Map<String, Map<Integer, byte[]>> files = new HashMap<>();
    private String selected = MF;
    private byte[] challenge;
    private byte[] sessionKey;
    private boolean verified;
    private int commands;

    private ResidenceCardModel(ResidenceCardContent content, SecureSession.Nonces nonces) {
        this.generation = content.generation();
        this.cipher = generation == CardType.Generation.FIRST ? SmCipher.FIRST_GENERATION : SmCipher.SECOND_GENERATION;
        this.baseKey = KeyDerivation.baseKey(new CardNumber(content.cardNumber()));
        this.cardNumber = content.cardNumber().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.nonces = nonces;
    }

    /** The card for {@code content}, signed by {@code issuer}, with random challenges. */
    public static ResidenceCardModel of(ResidenceCardContent content, SyntheticIssuer issuer) {
        return of(content, issuer, SecureSession.Nonces.secure());
    }

    /** As above with given challenges and K.ICC (the specification's test vectors). */
    public static ResidenceCardModel of(ResidenceCardContent content, SyntheticIssuer issuer,
            SecureSession.Nonces nonces) {
        ResidenceCardModel card = new ResidenceCardModel(content, nonces);
        ResidenceCardFiles.fill(card.files, content, issuer);
        return card;
    }

    /** Replaces one file's content (to tamper with it, or to garble it, in a test or a demo variant). */
    public synchronized void replaceFile(byte[] dfAid, int p1, byte[] content) {
        files.get(hex(dfAid)).put(p1, content.clone());
    }

    /** A copy of one file's content. */
    public synchronized byte[] file(byte[] dfAid, int p1) {
        return files.get(hex(dfAid)).get(p1).clone();
    }

    /** Commands answered so far. */
    public synchronized int commandCount() {
        return commands;
    }

    @Override
    public synchronized void reset() {
        selected = MF;
        challenge = null;
        sessionKey = null;
        verified = false;
    }

    @Override
    public synchronized byte[] process(byte[] c) {
        commands++;
        if (c.length < 4) {
            return sw(0x6700);
        }
        int cla = c[0] & 0xFF;
        int ins = c[1] & 0xFF;
        int p1 = c[2] & 0xFF;
        if (cla == 0x00 && ins == 0xA4) {
            return select(c);
        }
        if (cla == 0x00 && ins == 0x84) {
            challenge = nonces.next(8);
            return ok(challenge);
        }
        if (cla == 0x00 && ins == 0x82) {
            return mutualAuthenticate(c);
        }
        if (cla == 0x08 && ins == 0x20) {
            return verify(c);
        }
        if (ins == 0xB0 && (p1 & 0x80) != 0) {
            return cla == 0x08 ? readSecure(c, p1) : cla == 0x00 ? readPlain(c, p1) : sw(0x6E00);
        }
        return cla == 0x00 || cla == 0x08 ? sw(0x6D00) : sw(0x6E00);
    }

    private byte[] select(byte[] c) {
        if (c.length < 5 || (c[2] & 0xFF) != 0x04 || c.length < 5 + (c[4] & 0xFF)) {
            return sw(0x6A86);
        }
        String aid = hex(Arrays.copyOfRange(c, 5, 5 + (c[4] & 0xFF)));
        if (!files.containsKey(aid) || aid.equals(MF)) {
            return sw(0x6A82);
        }
        selected = aid;
        return sw(0x9000);
    }

    private byte[] mutualAuthenticate(byte[] c) {
        byte[] rndIcc = challenge;
        challenge = null;
        sessionKey = null;
        verified = false;
        if (c.length != 46 || (c[4] & 0xFF) != 0x28) {
            return sw(0x6700);
        }
        if (rndIcc == null) {
            return sw(0x6985);
        }
        byte[] eIfd = Arrays.copyOfRange(c, 5, 37);
        byte[] mIfd = Arrays.copyOfRange(c, 37, 45);
        if (!MessageDigest.isEqual(cipher.mac(baseKey, eIfd), mIfd)) {
            return sw(0x6300);
        }
        byte[] plain = cipher.decrypt(baseKey, eIfd);
        if (!MessageDigest.isEqual(Arrays.copyOfRange(plain, 8, 16), rndIcc)) {
            return sw(0x6300);
        }
        byte[] rndIfd = Arrays.copyOf(plain, 8);
        byte[] kIfd = Arrays.copyOfRange(plain, 16, 32);
        byte[] kIcc = nonces.next(16);
        byte[] response = new byte[32];
        System.arraycopy(rndIcc, 0, response, 0, 8);
        System.arraycopy(rndIfd, 0, response, 8, 8);
        System.arraycopy(kIcc, 0, response, 16, 16);
        byte[] eIcc = cipher.encrypt(baseKey, response);
        sessionKey = KeyDerivation.sessionKey(kIfd, kIcc);
        byte[] out = Arrays.copyOf(eIcc, 40);
        System.arraycopy(cipher.mac(baseKey, eIcc), 0, out, 32, 8);
        return ok(out);
    }

    private byte[] verify(byte[] c) {
        if (sessionKey == null) {
            return sw(0x6982);
        }
        if (c.length < 5 || c.length != 5 + (c[4] & 0xFF) || (c[3] & 0xFF) != 0x86) {
            return sw(0x6A86);
        }
        try {
            BerTlv object = BerTlv.parseFirst(Arrays.copyOfRange(c, 5, c.length));
            byte[] v = object.value();
            if (object.tag() != 0x86 || v.length < 1 || v[0] != 0x01 || (v.length - 1) % cipher.blockSize() != 0) {
                return sw(0x6988);
            }
            byte[] plain = SmCipher.unpad(cipher.decrypt(sessionKey, Arrays.copyOfRange(v, 1, v.length)))
                    .orElse(new byte[0]);
            verified = MessageDigest.isEqual(plain, cardNumber);
            return verified ? sw(0x9000) : sw(0x6300);
        } catch (dev.madoguchi.card.reader.CardIoException | IllegalArgumentException e) {
            return sw(0x6988);
        }
    }

    private byte[] readSecure(byte[] c, int p1) {
        byte[] expected = {0x08, (byte) 0xB0, (byte) p1, 0x00, 0x00, 0x00, 0x04, (byte) 0x96, 0x02, 0x00, 0x00, 0x00,
            0x00};
        if (!Arrays.equals(c, expected)) {
            return sw(0x6988);
        }
        byte[] content = readable(p1, true);
        if (content == null) {
            return sw(statusFor(p1));
        }
        byte[] encrypted = cipher.encrypt(sessionKey, cipher.pad(content));
        return ok(BerTlv.encode(0x86, new byte[] {0x01}, encrypted));
    }

    private byte[] readPlain(byte[] c, int p1) {
        if (selected.equals(MF)) {
            byte[] content = files.get(MF).get(p1);
            if (content == null) {
                return sw(0x6A82);
            }
            int le = c.length == 5 ? c[4] & 0xFF : 0;
            return ok(le == 0 || le >= content.length ? content : Arrays.copyOf(content, le));
        }
        if (c.length != 7 || c[4] != 0 || c[5] != 0 || c[6] != 0) {
            return sw(0x6700);
        }
        byte[] content = readable(p1, false);
        return content == null ? sw(statusFor(p1)) : ok(content);
    }

    /** The file when the access conditions hold: DF1 only under SM, DF2/DF3 only in plain; all after VERIFY. */
    private byte[] readable(int p1, boolean secure) {
        Map<Integer, byte[]> df = files.get(selected);
        if (df == null || !df.containsKey(p1) || !verified) {
            return null;
        }
        boolean df1 = selected.equals(hex(ResidenceFiles.DF1));
        return df1 == secure ? df.get(p1) : null;
    }

    private int statusFor(int p1) {
        Map<Integer, byte[]> df = files.get(selected);
        if (df == null || !df.containsKey(p1)) {
            return 0x6A82;
        }
        if (!verified) {
            return 0x6982;
        }
        return 0x6882; // the wrong messaging for this file
    }

    private static byte[] ok(byte[] data) {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) 0x90;
        return out;
    }

    private static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }

    static String hex(byte[] b) {
        return java.util.HexFormat.of().withUpperCase().formatHex(b);
    }

    @Override
    public String toString() {
        return "ResidenceCardModel[" + generation + ", fictional]";
    }

    /** Builds the files of a card from its content. */
    static final class ResidenceCardFiles {

        private static final int[] PRINTED_TAGS = {0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xCE, 0xCA, 0xCB, 0xCC, 0xCD};

        private ResidenceCardFiles() {}

        static void fill(Map<String, Map<Integer, byte[]>> files, ResidenceCardContent c, SyntheticIssuer issuer) {
            Map<Integer, byte[]> mf = new HashMap<>();
            mf.put(ResidenceFiles.MF_COMMON, BerTlv.encode(0xC0, ascii(c.generation() == CardType.Generation.FIRST
                    ? "0015" : "0011")));
            mf.put(ResidenceFiles.MF_CARD_TYPE, BerTlv.encode(0xC1, ascii(c.typeCode())));
            files.put(MF, mf);
            Map<Integer, byte[]> df1 = new HashMap<>();
            Map<Integer, byte[]> df2 = new HashMap<>();
            Map<Integer, byte[]> df3 = new HashMap<>();
            boolean residence = c.document() == CardType.Document.RESIDENCE_CARD;
            try {
                if (c.generation() == CardType.Generation.SECOND) {
                    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
                    for (int i = 0; i < c.printed().size(); i++) {
                        printed.writeBytes(BerTlv.encode(PRINTED_TAGS[i], utf8(c.printed().get(i))));
                    }
                    df1.put(ResidenceFiles.G2_CARD_NUMBER, BerTlv.encode(0xC2, ascii(c.cardNumber())));
                    df1.put(ResidenceFiles.G2_PRINTED, printed.toByteArray());
                    df1.put(ResidenceFiles.G2_NAME_AND_PHOTO, Commands.concat(BerTlv.encode(0xD0, c.nameOrFrontImage()),
                            BerTlv.encode(0xD1, c.photo())));
                    df1.put(ResidenceFiles.G2_ADDRESS_IMAGE, BerTlv.encode(0xDFD1, c.addressImage()));
                    if (residence) {
                        df2.put(ResidenceFiles.G2_PERMISSION, Commands.concat(optional(0xD5, c.back().get(0)),
                                optional(0xD6, c.back().get(1)), optional(0xD7, c.back().get(2))));
                        df2.put(ResidenceFiles.G2_APPLICATION, optional(0xD8, c.back().get(3)));
                    }
                    df2.put(ResidenceFiles.G2_OTHER, Commands.concat(optional(0xD9, c.back().get(4)),
                            optional(0xDE, c.back().get(5))));
                    byte[] target = ResidenceSignature.secondGenerationTarget(
                            ResidenceFields.signedPrintedEntries(printed.toByteArray()), c.photo(),
                            c.nameOrFrontImage());
                    SyntheticIssuer.Signer signer = issuer.secondGeneration();
                    df3.put(ResidenceFiles.SIGNATURE, Commands.concat(
                            BerTlv.encode(0xDC, sign("SHA256withECDSAinP1363Format", signer, target)),
                            BerTlv.encode(0xDD, signer.certificate().getEncoded()), new byte[4]));
                    if (c.tampered()) {
                        byte[] changed = df1.get(ResidenceFiles.G2_PRINTED);
                        changed[changed.length - 1] ^= 0x01;
                    }
                } else {
                    df1.put(ResidenceFiles.G1_FRONT_IMAGE, BerTlv.encode(0xD0, c.nameOrFrontImage()));
                    df1.put(ResidenceFiles.G1_PHOTO, BerTlv.encode(0xD1, c.photo()));
                    java.io.ByteArrayOutputStream address = new java.io.ByteArrayOutputStream();
                    for (ResidenceCardContent.Address a : c.addresses()) {
                        address.writeBytes(BerTlv.encode(0xD4, ascii(a.writtenOn())));
                        address.writeBytes(BerTlv.encode(0xD2, ascii(a.municipalityCode())));
                        address.writeBytes(BerTlv.encode(0xD3,
                                a.address().getBytes(ResidenceFields.firstGenerationCharset())));
                    }
                    df2.put(ResidenceFiles.G1_ADDRESS, address.toByteArray());
                    if (residence) {
                        df2.put(ResidenceFiles.G1_COMPREHENSIVE_PERMISSION, optional(0xD5, c.back().get(0)));
                        df2.put(ResidenceFiles.G1_INDIVIDUAL_PERMISSION, optional(0xD6, c.back().get(1)));
                        df2.put(ResidenceFiles.G1_APPLICATION, optional(0xD7, c.back().get(2)));
                    }
                    byte[] target = ResidenceSignature.firstGenerationTarget(c.nameOrFrontImage(), c.photo());
                    SyntheticIssuer.Signer signer = issuer.firstGeneration();
                    df3.put(ResidenceFiles.SIGNATURE, Commands.concat(BerTlv.encode(0xDA, sign("SHA256withRSA", signer, target)),
                            BerTlv.encode(0xDB, signer.certificate().getEncoded())));
                    if (c.tampered()) {
                        df1.get(ResidenceFiles.G1_PHOTO)[100] ^= 0x40;
                    }
                }
            } catch (dev.madoguchi.card.reader.CardIoException | CertificateEncodingException e) {
                throw new IllegalArgumentException("the card's content cannot be encoded", e);
            }
            files.put(hex(ResidenceFiles.DF1), df1);
            files.put(hex(ResidenceFiles.DF2), df2);
            files.put(hex(ResidenceFiles.DF3), df3);
        }

        private static byte[] sign(String algorithm, SyntheticIssuer.Signer signer, byte[] data) {
            try {
                Signature s = Signature.getInstance(algorithm);
                s.initSign(signer.key());
                s.update(data);
                return s.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
            }
        }

        /** An object only when the value is not empty (the file then lacks the entry); UTF-8 (ASCII in practice). */
        private static byte[] optional(int tag, String value) {
            return value.isEmpty() ? new byte[0] : BerTlv.encode(tag, utf8(value));
        }

        private static byte[] ascii(String s) {
            return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }

        private static byte[] utf8(String s) {
            return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

    }
}
