package dev.madoguchi.forms.qr;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/**
 * COSE_Sign1 (RFC 9052 §4.2) with ES256 (ECDSA P-256, SHA-256, signature as r‖s): the structure the EU Digital COVID
 * Certificate signs its CBOR payload with. Protected header: {@code {1: -7, 4: kid}}; unprotected header empty.
 */
final class CoseSign1 {

    static final int TAG = 18;
    private static final int ALG = 1;
    private static final int KID = 4;
    private static final int ES256 = -7;

    private static final CBORFactory CBOR = new CBORFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(CBOR);

    /** A parsed, not yet verified, COSE_Sign1. */
    record Parsed(byte[] protectedHeader, byte[] keyId, byte[] payload, byte[] signature) {
    }

    private CoseSign1() {
    }

    static byte[] sign(byte[] payload, TerminalKey key) {
        byte[] protectedHeader = protectedHeader(key.keyId());
        try {
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(key.privateKey());
            signer.update(sigStructure(protectedHeader, payload));
            byte[] signature = signer.sign();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (CBORGenerator g = CBOR.createGenerator(out)) {
                g.writeTag(TAG);
                g.writeStartArray(null, 4);
                g.writeBinary(protectedHeader);
                g.writeStartObject(null, 0);
                g.writeEndObject();
                g.writeBinary(payload);
                g.writeBinary(signature);
                g.writeEndArray();
            }
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Parsed parse(byte[] cose) throws QrVerificationException {
        try (CBORParser p = (CBORParser) CBOR.createParser(cose)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw damaged("not a COSE_Sign1 array");
            }
            int tag = p.getCurrentTag();
            if (tag != -1 && tag != TAG) {
                throw damaged("CBOR tag " + tag + " is not COSE_Sign1 (18)");
            }
            byte[] protectedHeader = binary(p, "protected header");
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw damaged("the unprotected header is not a map");
            }
            p.skipChildren();
            byte[] payload = binary(p, "payload");
            byte[] signature = binary(p, "signature");
            if (p.nextToken() != JsonToken.END_ARRAY || p.nextToken() != null) {
                throw damaged("trailing data after the signature");
            }
            JsonNode header = MAPPER.readTree(protectedHeader);
            if (header == null || !header.isObject() || header.path(String.valueOf(ALG)).asInt(0) != ES256) {
                throw damaged("the algorithm is not ES256");
            }
            JsonNode kid = header.get(String.valueOf(KID));
            if (kid == null || !kid.isBinary()) {
                throw damaged("the protected header has no key id");
            }
            return new Parsed(protectedHeader, kid.binaryValue(), payload, signature);
        } catch (IOException e) {
            throw damaged(e.getMessage());
        }
    }

    static boolean verify(Parsed parsed, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update(sigStructure(parsed.protectedHeader(), parsed.payload()));
            return verifier.verify(parsed.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] binary(CBORParser p, String what) throws IOException, QrVerificationException {
        if (p.nextToken() != JsonToken.VALUE_EMBEDDED_OBJECT) {
            throw damaged("the " + what + " is not a byte string");
        }
        return p.getBinaryValue();
    }

    private static byte[] protectedHeader(byte[] keyId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = CBOR.createGenerator(out)) {
            g.writeStartObject(null, 2);
            g.writeFieldId(ALG);
            g.writeNumber(ES256);
            g.writeFieldId(KID);
            g.writeBinary(keyId);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Sig_structure = ["Signature1", protected, external_aad = h'', payload]. */
    private static byte[] sigStructure(byte[] protectedHeader, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = CBOR.createGenerator(out)) {
            g.writeStartArray(null, 4);
            g.writeString("Signature1");
            g.writeBinary(protectedHeader);
            g.writeBinary(new byte[0]);
            g.writeBinary(payload);
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static QrVerificationException damaged(String detail) {
        return new QrVerificationException(QrError.DAMAGED, detail);
    }
}
