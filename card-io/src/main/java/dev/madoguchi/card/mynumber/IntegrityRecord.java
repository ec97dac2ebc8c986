package dev.madoguchi.card.mynumber;

import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.tlv.BerTlv;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * EF 0003 of the 券面事項入力補助AP (docs/card-protocol.md §1.4): {@code FF30 {DF31 SHA-256 of EF 0001 (17 bytes, filler
 * included), DF32 SHA-256 of the DF22…DF25 objects of EF 0002, DF33 J-LIS signature}}.
 */
public record IntegrityRecord(byte[] myNumberHash, byte[] basicFourHash, byte[] signature) {

    static final int TAG = 0xFF30;

    public IntegrityRecord {
        myNumberHash = myNumberHash.clone();
        basicFourHash = basicFourHash.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] myNumberHash() {
        return myNumberHash.clone();
    }

    @Override
    public byte[] basicFourHash() {
        return basicFourHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public static IntegrityRecord parse(byte[] file) throws CardIoException {
        BerTlv outer = BerTlv.parseFirst(file);
        if (outer.tag() != TAG) {
            throw new CardIoException(CardIoError.CORRUPT_DATA, String.format("integrity record: tag %X", outer.tag()));
        }
        BerTlv myNumber = outer.require(0xDF31);
        BerTlv basicFour = outer.require(0xDF32);
        BerTlv signature = outer.require(0xDF33);
        if (myNumber.length() != 32 || basicFour.length() != 32) {
            throw new CardIoException(CardIoError.CORRUPT_DATA, "integrity record: hashes are not SHA-256");
        }
        return new IntegrityRecord(myNumber.value(), basicFour.value(), signature.value());
    }

    /** Encodes a record over the given files (for card models and tests); the signature is whatever the issuer made. */
    public static byte[] encode(byte[] myNumberFile, BasicFourFile basicFour, byte[] signature) {
        return BerTlv.encode(TAG, BerTlv.encode(0xDF31, sha256(myNumberFile)),
                BerTlv.encode(0xDF32, sha256(basicFour.hashedPart())), BerTlv.encode(0xDF33, signature));
    }

    /** The bytes the J-LIS signature covers: the DF31 and DF32 objects. */
    public static byte[] signedPart(byte[] myNumberFile, BasicFourFile basicFour) {
        byte[] a = BerTlv.encode(0xDF31, sha256(myNumberFile));
        byte[] b = BerTlv.encode(0xDF32, sha256(basicFour.hashedPart()));
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** True when the hashed part of EF 0002 is what the card's record says. */
    public boolean matchesBasicFour(BasicFourFile file) {
        return MessageDigest.isEqual(sha256(file.hashedPart()), basicFourHash);
    }

    /** True when EF 0001's physical bytes (17, filler included) are what the card's record says. */
    public boolean matchesMyNumberFile(byte[] myNumberFile) {
        return MessageDigest.isEqual(sha256(myNumberFile), myNumberHash);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "IntegrityRecord[" + signature.length + "-byte signature]";
    }
}
