package dev.madoguchi.card.simulated;

import dev.madoguchi.card.apdu.Response;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;

/**
 * An ISO 7816 card in plain Java that answers command APDUs from a map of applications, files, PIN counters and
 * signing keys: the card behind the simulated reader, the protocol tests and the vpcd virtual card. It implements the
 * commands of docs/card-protocol.md §1.1 the way the sources describe real cards: SELECT by full AID and by FID, VERIFY
 * with and without data (63Cx, 6984 once blocked), READ BINARY by offset and by short EF identifier, READ RECORD,
 * COMPUTE DIGITAL SIGNATURE. Not thread-safe; {@link #process(byte[])} is synchronized for the vpcd socket thread.
 */
public final class CardModel implements ChipModel {

    /** A key object with a retry counter. */
    private static final class PinKey {
        final byte[] value;
        final int maxTries;
        int triesLeft;

        PinKey(byte[] value, int maxTries, int triesLeft) {
            this.value = value.clone();
            this.maxTries = maxTries;
            this.triesLeft = triesLeft;
        }
    }

    private record File(byte[] content, List<byte[]> records, Set<Integer> openedBy) {}

    private record SigningKey(PrivateKey key, Set<Integer> openedBy) {}

    /** One application (DF): files, keys, signing keys. */
    public static final class Application {
        private final Map<Integer, File> files = new LinkedHashMap<>();
        private final Map<Integer, PinKey> keys = new LinkedHashMap<>();
        private final Map<Integer, SigningKey> signingKeys = new LinkedHashMap<>();

        /** A transparent EF; {@code openedBy} lists the key FIDs any one of which opens it (none: free). */
        public Application file(int fid, byte[] content, Integer... openedBy) {
            files.put(fid, new File(content.clone(), List.of(), Set.of(openedBy)));
            return this;
        }

        /** A record EF (READ RECORD), free to read. */
        public Application recordFile(int fid, byte[]... records) {
            List<byte[]> copies = new ArrayList<>();
            for (byte[] r : records) {
                copies.add(r.clone());
            }
            files.put(fid, new File(new byte[0], copies, Set.of()));
            return this;
        }

        /** A PIN or 照合番号 key with its retry counter. */
        public Application pin(int fid, byte[] value, int maxTries, int triesLeft) {
            keys.put(fid, new PinKey(value, maxTries, triesLeft));
            return this;
        }

        /** A private key at an EF ({@code 80 2A 00 80} after SELECT) or, with fid 0, the AP default key ({@code P2 00}). */
        public Application signingKey(int fid, PrivateKey key, Integer... openedBy) {
            signingKeys.put(fid, new SigningKey(key, Set.of(openedBy)));
            return this;
        }
    }

    private final Map<String, Application> applications = new LinkedHashMap<>();
    private Application current;
    private Integer currentEf;
    private final Set<Integer> verified = new HashSet<>();
    private int commands;

    /** Adds an application under its AID (hex) and returns it for filling. */
    public Application application(byte[] aid) {
        Application a = new Application();
        applications.put(hex(aid), a);
        return a;
    }

    /** Power-on / reset: nothing selected, nothing verified. Counters stay. */
    @Override
    public synchronized void reset() {
        current = null;
        currentEf = null;
        verified.clear();
    }

    /** The commands answered so far. */
    public synchronized int commandCount() {
        return commands;
    }

    /** Tries left on a key in an application, for tests. */
    public synchronized int triesLeft(byte[] aid, int keyFid) {
        return applications.get(hex(aid)).keys.get(keyFid).triesLeft;
    }

    /** Changes a file's content in place, e.g. to tamper with it in a test. */
    public synchronized void replaceFile(byte[] aid, int fid, byte[] content) {
        Application a = applications.get(hex(aid));
        File old = a.files.get(fid);
        a.files.put(fid, new File(content.clone(), old.records(), old.openedBy()));
    }

    @Override
    public Response transmit(byte[] command) {
        return Response.of(process(command));
    }

    /** Answers one command APDU with data + SW1 SW2. */
    @Override
    public synchronized byte[] process(byte[] c) {
        commands++;
        if (c.length < 4) {
            return sw(0x6700);
        }
        int cla = c[0] & 0xFF;
        int ins = c[1] & 0xFF;
        int p1 = c[2] & 0xFF;
        int p2 = c[3] & 0xFF;
        byte[] data = c.length > 5 ? Arrays.copyOfRange(c, 5, Math.min(c.length, 5 + (c[4] & 0xFF))) : new byte[0];
        if (c.length > 5 && c.length < 5 + (c[4] & 0xFF)) {
            return sw(0x6700);
        }
        int le = c.length == 5 ? (c[4] & 0xFF) : c.length == 6 + data.length ? (c[c.length - 1] & 0xFF) : -1;
        if (cla != 0x00 && !(cla == 0x80 && ins == 0x2A)) {
            return sw(0x6E00);
        }
        return switch (ins) {
            case 0xA4 -> select(p1, data);
            case 0x20 -> verify(p2, data, c.length == 4);
            case 0xB0 -> readBinary(p1, p2, le);
            case 0xB2 -> readRecord(p1, p2);
            case 0x2A -> sign(p1, p2, data);
            default -> sw(0x6D00);
        };
    }

    private byte[] select(int p1, byte[] data) {
        if (p1 == 0x04) {
            Application a = applications.get(hex(data));
            if (a == null) {
                return sw(0x6A82);
            }
            current = a;
            currentEf = null;
            verified.clear();
            return sw(0x9000);
        }
        if (p1 == 0x02 && data.length == 2 && current != null) {
            int fid = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
            if (current.files.containsKey(fid) || current.keys.containsKey(fid)
                    || current.signingKeys.containsKey(fid)) {
                currentEf = fid;
                return sw(0x9000);
            }
            return sw(0x6A82);
        }
        return sw(0x6A86);
    }

    private byte[] verify(int p2, byte[] data, boolean query) {
        if (p2 != 0x80 || current == null || currentEf == null || !current.keys.containsKey(currentEf)) {
            return sw(0x6A86);
        }
        PinKey key = current.keys.get(currentEf);
        if (key.triesLeft == 0) {
            return sw(0x6984);
        }
        if (query) {
            return verified.contains(currentEf) ? sw(0x9000) : sw(0x63C0 | key.triesLeft);
        }
        if (Arrays.equals(key.value, data)) {
            key.triesLeft = key.maxTries;
            verified.add(currentEf);
            return sw(0x9000);
        }
        key.triesLeft--;
        verified.remove(currentEf);
        return sw(0x63C0 | key.triesLeft);
    }

    private byte[] readBinary(int p1, int p2, int le) {
        if (current == null) {
            return sw(0x6986);
        }
        int offset;
        if ((p1 & 0x80) != 0) {
            int sfi = p1 & 0x1F;
            Integer fid = current.files.keySet().stream().filter(f -> (f & 0x1F) == sfi && f <= 0x1E).findFirst()
                    .orElse(null);
            if (fid == null) {
                return sw(0x6A82);
            }
            currentEf = fid;
            offset = p2;
        } else {
            offset = (p1 << 8) | p2;
        }
        File file = currentEf == null ? null : current.files.get(currentEf);
        if (file == null) {
            return sw(0x6986);
        }
        if (!opened(file.openedBy())) {
            return sw(0x6982);
        }
        if (offset > file.content().length) {
            return sw(0x6B00);
        }
        int wanted = le <= 0 ? 256 : le;
        int n = Math.min(wanted, file.content().length - offset);
        byte[] out = Arrays.copyOfRange(file.content(), offset, offset + n + 2);
        out[n] = (byte) 0x90;
        out[n + 1] = 0x00;
        return out;
    }

    private byte[] readRecord(int number, int p2) {
        if (current == null || currentEf == null || !current.files.containsKey(currentEf) || p2 != 0x04) {
            return sw(0x6986);
        }
        List<byte[]> records = current.files.get(currentEf).records();
        if (number < 1 || number > records.size()) {
            return sw(0x6A83);
        }
        byte[] r = records.get(number - 1);
        byte[] out = Arrays.copyOf(r, r.length + 2);
        out[r.length] = (byte) 0x90;
        return out;
    }

    private byte[] sign(int p1, int p2, byte[] data) {
        if (p1 != 0x00 || current == null) {
            return sw(0x6A86);
        }
        SigningKey key;
        if (p2 == 0x00) {
            key = current.signingKeys.get(0);
        } else if (p2 == 0x80 && currentEf != null) {
            key = current.signingKeys.get(currentEf);
        } else {
            return sw(0x6A86);
        }
        if (key == null) {
            return sw(0x6A88);
        }
        if (!opened(key.openedBy())) {
            return sw(0x6982);
        }
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.ENCRYPT_MODE, key.key());
            byte[] signature = rsa.doFinal(data);
            byte[] out = Arrays.copyOf(signature, signature.length + 2);
            out[signature.length] = (byte) 0x90;
            return out;
        } catch (GeneralSecurityException e) {
            return sw(0x6F00);
        }
    }

    private boolean opened(Set<Integer> openedBy) {
        if (openedBy.isEmpty()) {
            return true;
        }
        for (Integer k : openedBy) {
            if (verified.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02X", x));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "CardModel[" + applications.size() + " applications]";
    }
}
