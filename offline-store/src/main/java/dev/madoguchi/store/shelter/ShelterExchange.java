package dev.madoguchi.store.shelter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.clerks.Capability;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Laptop-to-laptop exchange of shelter events without a server (docs/adr/0026): a file signed by this terminal's key
 * and encrypted to the shelter passphrase, carrying the events this store received after a point and the shelters
 * they refer to. Importing is idempotent (an event already held is skipped), all-or-nothing, and reports the events
 * that conflict in the resulting order. Every method needs {@link Capability#SHELTER}.
 */
public final class ShelterExchange {

    /** What an export wrote: how many events, up to which local sequence (the next export's "since"). */
    public record Export(int events, int shelters, long upToSequence, String fingerprint) {}

    /** An event that does not fit the state it meets in the merged order (no personal data). */
    public record Conflict(String eventId, String shelterId, String personId, String kind, String explanation) {}

    /** What an import did. */
    public record Import(String terminalId, String fingerprint, int received, int imported, int alreadyHeld,
            boolean newlyTrusted, List<Conflict> conflicts) {

        public Import {
            conflicts = List.copyOf(conflicts);
        }
    }

    /**
     * Who signed a file (its signature held; the body is not opened): the sending terminal's id and key fingerprint,
     * when it was written, how many events it says it holds, and whether this store trusts that key already.
     */
    public record Sender(String terminalId, String fingerprint, String created, int events, boolean trusted) {}

    private final StoreContext context;
    private final ShelterRepository shelters;
    private final ShelterKeys keys;
    private final SecureRandom random;
    private final int iterations;

    public ShelterExchange(StoreContext context, ShelterRepository shelters, SecureRandom random, int iterations) {
        this.context = context;
        this.shelters = shelters;
        this.keys = new ShelterKeys(context, shelters.terminalId(), random);
        this.random = random;
        this.iterations = iterations;
    }

    /** This terminal's key fingerprint (made on first use), to be compared on the receiving laptop. */
    public String fingerprint() {
        context.require(Capability.SHELTER);
        return keys.own().fingerprint();
    }

    /** Terminals this store accepts files from (fingerprint and terminal id), not counting itself. */
    public List<ShelterKeys.Trusted> trustedTerminals() {
        context.require(Capability.SHELTER);
        return keys.trusted();
    }

    /**
     * Writes the events this store received after local sequence {@code afterSequence} (0: all) into {@code file}
     * (temporary file, fsync, atomic rename). Audited as an export with counts only.
     */
    public Export export(Path file, char[] passphrase, String municipality, long afterSequence) {
        context.require(Capability.SHELTER);
        context.require(Capability.EXPORT);
        ShelterKeys.Own own = keys.own();
        record Read(List<ShelterEvent> events, long newest, List<String> shelterJson) {}
        Read read = context.inTransaction("read events to exchange", c -> {
            List<ShelterEvent> events = ShelterLog.received(c, afterSequence);
            Set<String> ids = new LinkedHashSet<>();
            events.forEach(e -> ids.add(e.shelterId()));
            List<String> json = new ArrayList<>();
            for (String id : ids) {
                ShelterRows.find(c, id).ifPresent(s -> json.add(ShelterJson.write(ShelterJson.shelter(s))));
            }
            return new Read(events, ShelterLog.newestLocalSeq(c), json);
        });
        StringBuilder body = new StringBuilder(read.events.size() * 600 + 200);
        body.append("{\"municipality\":").append(ShelterJson.write(ShelterJson.MAPPER.getNodeFactory()
                .textNode(municipality))).append(",\"terminal\":").append(ShelterJson.write(ShelterJson.MAPPER
                .getNodeFactory().textNode(shelters.terminalId()))).append(",\"shelters\":[")
                .append(String.join(",", read.shelterJson)).append("],\"events\":[");
        for (int i = 0; i < read.events.size(); i++) {
            body.append(i == 0 ? "" : ",").append(ShelterJson.payload(read.events.get(i)));
        }
        body.append("]}");
        ObjectNode header = ShelterJson.object();
        header.put("format", "madoguchi-shelter-exchange");
        header.put("version", 1);
        header.put("municipality", municipality);
        header.put("terminal", shelters.terminalId());
        header.put("created", context.now().toString());
        header.put("events", read.events.size());
        byte[] bytes = ExchangeFile.write(header, own.publicKey(), own.privateKey(), passphrase,
                body.toString().getBytes(StandardCharsets.UTF_8), random, iterations);
        writeAtomically(file, bytes);
        shelters.recordExport("*", "shelter exchange file", read.events.size());
        return new Export(read.events.size(), read.shelterJson.size(), read.newest, own.fingerprint());
    }

    /**
     * Reads who signed a file before it is imported, so that a person can compare an unknown laptop's fingerprint
     * with what that laptop shows; nothing is written or trusted. Checks the structure, the signature and the
     * municipality named in the header (the body stays encrypted: {@link #importFile} checks the rest).
     *
     * @throws StoreException {@link StoreError#EXCHANGE_TRUNCATED}, {@link StoreError#EXCHANGE_TAMPERED},
     *     {@link StoreError#OTHER_MUNICIPALITY}, {@link StoreError#BAD_INPUT}
     */
    public Sender inspect(Path file, String municipality) {
        context.require(Capability.SHELTER);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StoreException(StoreError.BAD_INPUT, "cannot read the exchange file: " + e.getMessage(), e);
        }
        ExchangeFile.Signed signed = ExchangeFile.verify(bytes);
        JsonNode header = signed.header();
        if (!municipality.equals(header.path("municipality").asText())) {
            throw new StoreException(StoreError.OTHER_MUNICIPALITY, "the file is from municipality "
                    + header.path("municipality").asText(), null);
        }
        boolean trusted = signed.fingerprint().equals(keys.own().fingerprint()) || keys.trusted().stream()
                .anyMatch(t -> t.fingerprint().equals(signed.fingerprint()));
        return new Sender(header.path("terminal").asText(), signed.fingerprint(), header.path("created").asText(),
                header.path("events").asInt(), trusted);
    }

    /**
     * Imports a file: verified (structure, signature, trusted terminal, municipality, passphrase) before anything is
     * written; then every event not yet held, with its outbox message, in one transaction.
     *
     * @param trust fingerprints the person confirmed with the sending laptop: a terminal among them is trusted from now
     *     on (pinned); a terminal neither trusted before nor among them is refused
     * @throws StoreException {@link StoreError#EXCHANGE_TRUNCATED}, {@link StoreError#EXCHANGE_TAMPERED},
     *     {@link StoreError#UNKNOWN_TERMINAL}, {@link StoreError#OTHER_MUNICIPALITY},
     *     {@link StoreError#WRONG_EXCHANGE_PASSPHRASE}, {@link StoreError#BAD_INPUT}: nothing was imported
     */
    public Import importFile(Path file, char[] passphrase, String municipality, Set<String> trust) {
        context.require(Capability.SHELTER);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StoreException(StoreError.BAD_INPUT, "cannot read the exchange file: " + e.getMessage(), e);
        }
        Set<String> known = new HashSet<>(keys.trusted().stream().map(ShelterKeys.Trusted::fingerprint).toList());
        String ownFingerprint = keys.own().fingerprint();
        ExchangeFile.Opened opened = ExchangeFile.open(bytes, passphrase, (header, fingerprint) -> {
            if (!fingerprint.equals(ownFingerprint) && !known.contains(fingerprint) && !trust.contains(fingerprint)) {
                throw new StoreException(StoreError.UNKNOWN_TERMINAL, "terminal " + header.path("terminal").asText()
                        + " with key " + fingerprint + " is not trusted", null);
            }
            if (!municipality.equals(header.path("municipality").asText())) {
                throw new StoreException(StoreError.OTHER_MUNICIPALITY, "the file is from municipality "
                        + header.path("municipality").asText(), null);
            }
        });
        JsonNode body = opened.body();
        if (!municipality.equals(body.path("municipality").asText())
                || !opened.header().path("terminal").asText().equals(body.path("terminal").asText())) {
            throw new StoreException(StoreError.EXCHANGE_TAMPERED, "the body does not match the header", null);
        }
        List<ShelterEvent> events = new ArrayList<>();
        List<dev.madoguchi.domain.shelter.Shelter> received = new ArrayList<>();
        try {
            body.path("events").forEach(n -> events.add(ShelterJson.event(n)));
            body.path("shelters").forEach(n -> received.add(ShelterJson.shelter(n)));
        } catch (RuntimeException e) {
            throw new StoreException(StoreError.BAD_INPUT, "an event or shelter in the file cannot be read", e);
        }
        String terminal = opened.header().path("terminal").asText();
        boolean pin = !opened.fingerprint().equals(ownFingerprint) && !known.contains(opened.fingerprint());
        return context.inTransaction("import a shelter exchange file", c -> {
            if (pin) {
                keys.pin(c, opened.fingerprint(), terminal, opened.key());
            }
            for (var s : received) {
                if (ShelterRows.find(c, s.id()).isEmpty()) {
                    ShelterRows.save(c, s);
                }
            }
            Set<UUID> held = ShelterLog.held(c, events.stream().map(ShelterEvent::eventId).toList());
            List<ShelterEvent> fresh = new ArrayList<>();
            Set<UUID> seen = new HashSet<>();
            for (ShelterEvent e : events) {
                if (seen.add(e.eventId()) && !held.contains(e.eventId())) {
                    fresh.add(e);
                }
            }
            ShelterConflicts.Found found = ShelterConflicts.before(c, fresh);
            shelters.storeAll(c, fresh);
            return finish(c, opened, terminal, pin, events.size(), fresh, found.added());
        });
    }

    private Import finish(java.sql.Connection c, ExchangeFile.Opened opened, String terminal, boolean pin,
            int received, List<ShelterEvent> fresh, List<Conflict> conflicts) throws java.sql.SQLException {
        context.audit(c, AuditAction.SHELTER_EXCHANGE_IMPORT, opened.fingerprint(), "events " + received
                + ", new " + fresh.size() + ", conflicts " + conflicts.size());
        return new Import(terminal, opened.fingerprint(), received, fresh.size(), received - fresh.size(), pin,
                conflicts);
    }

    private static void writeAtomically(Path file, byte[] bytes) {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        try {
            try (var channel = java.nio.channels.FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new StoreException(StoreError.STORE_ERROR, "cannot write the exchange file: " + e.getMessage(), e);
        }
    }
}
