package dev.madoguchi.sync.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.store.cases.CaseRepository;
import dev.madoguchi.store.outbox.OutboxMessage;
import dev.madoguchi.store.outbox.OutboxRepository;
import dev.madoguchi.domain.shelter.Pet;
import dev.madoguchi.domain.shelter.PresentPerson;
import dev.madoguchi.store.shelter.ShelterRepository;
import dev.madoguchi.sync.backend.BackendJson;
import dev.madoguchi.sync.backend.Resource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * File linkage, the second channel for core systems that take batch files (docs/adr/0012): pending applications and
 * evacuee events as UTF-8 JSON lines ({@code .jsonl}, one batch item per line, the same fields as {@code POST
 * /api/v1/batch}) and CSV (RFC 4180, the payload as a JSON column), shelter rosters as both too. A message is marked
 * delivered only after both of its files were written completely ({@link AtomicFiles}: temporary name, fsync, atomic
 * rename, directory fsync). The core system deduplicates by {@code id}, as the backend does.
 */
public final class FileLinkageService {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String[] MESSAGE_COLUMNS = {"id", "resource", "aggregateId", "sequence", "kind",
        "terminalId", "recordedAt", "payload"};
    private static final String[] ROSTER_COLUMNS = {"shelterId", "evacueeId", "householdKey", "residentId",
        "displayName", "careNeeded", "petCount", "checkedInAt"};

    private final OutboxRepository outbox;
    private final ShelterRepository shelters;
    private final String terminalId;
    private final Clock clock;
    private final AtomicFiles files;
    private final ObjectMapper mapper = new ObjectMapper();
    private final BackendJson json = new BackendJson();

    public FileLinkageService(OutboxRepository outbox, ShelterRepository shelters, String terminalId, Clock clock) {
        this(outbox, shelters, terminalId, clock, UnaryOperator.identity());
    }

    /** With a wrapper around each file's stream (tests make it fail part-way). */
    FileLinkageService(OutboxRepository outbox, ShelterRepository shelters, String terminalId, Clock clock,
            UnaryOperator<OutputStream> streams) {
        this.outbox = outbox;
        this.shelters = shelters;
        this.terminalId = terminalId;
        this.clock = clock;
        this.files = new AtomicFiles(streams);
    }

    /**
     * Writes every pending (due) message into files in {@code folder}, at most {@code perFile} messages per file, and
     * marks them delivered file by file. Messages whose payload is not JSON stay pending (the sync blocks them).
     *
     * @throws FileLinkageException when the folder is missing or a write fails; what was completely written before
     *     stays delivered, the failed file is not left behind and its messages stay pending
     */
    public FileExport exportPending(Path folder, int perFile) {
        int leftovers = prepare(folder);
        List<Path> written = new ArrayList<>();
        int applications = 0;
        int events = 0;
        int part = 0;
        List<UUID> skipped = new ArrayList<>();
        java.util.Set<String> heldAggregates = new java.util.HashSet<>();
        while (true) {
            List<OutboxMessage> due = outbox.peekDue(perFile + skipped.size());
            List<ObjectNode> apps = new ArrayList<>();
            List<ObjectNode> evs = new ArrayList<>();
            List<UUID> appIds = new ArrayList<>();
            List<UUID> evIds = new ArrayList<>();
            for (OutboxMessage m : due) {
                String aggregate = m.aggregateType() + '/' + m.aggregateId();
                if (skipped.contains(m.id())) {
                    continue;
                }
                if (heldAggregates.contains(aggregate)) {
                    skipped.add(m.id()); // behind a message that cannot go: keep the aggregate's order
                    continue;
                }
                Resource resource = resourceOf(m.aggregateType());
                JsonNode payload;
                try {
                    payload = resource == null ? null : json.payload(m.payload());
                } catch (BackendJson.BadAnswerException e) {
                    payload = null;
                }
                if (payload == null) {
                    skipped.add(m.id());
                    heldAggregates.add(aggregate);
                    continue;
                }
                ObjectNode line = item(m, resource, payload);
                if (resource == Resource.APPLICATIONS) {
                    apps.add(line);
                    appIds.add(m.id());
                } else {
                    evs.add(line);
                    evIds.add(m.id());
                }
            }
            if (apps.isEmpty() && evs.isEmpty()) {
                return new FileExport(written, applications, events, leftovers);
            }
            String stamp = STAMP.format(clock.instant()) + "-" + (++part);
            if (!apps.isEmpty()) {
                written.addAll(writeMessages(folder, "applications-" + terminalId + "-" + stamp, apps, appIds));
                applications += appIds.size();
            }
            if (!evs.isEmpty()) {
                written.addAll(writeMessages(folder, "evacuee-events-" + terminalId + "-" + stamp, evs, evIds));
                events += evIds.size();
            }
        }
    }

    private List<Path> writeMessages(Path folder, String base, List<ObjectNode> lines, List<UUID> ids) {
        Path jsonl = folder.resolve(base + ".jsonl");
        Path csv = folder.resolve(base + ".csv");
        try {
            files.write(jsonl, out -> {
                for (ObjectNode line : lines) {
                    out.write(mapper.writeValueAsString(line));
                    out.write('\n');
                }
            });
            try {
                files.write(csv, out -> {
                    csvRow(out, MESSAGE_COLUMNS);
                    for (ObjectNode line : lines) {
                        String[] row = new String[MESSAGE_COLUMNS.length];
                        for (int i = 0; i < row.length; i++) {
                            JsonNode v = line.get(MESSAGE_COLUMNS[i]);
                            row[i] = v.isValueNode() ? v.asText() : mapper.writeValueAsString(v);
                        }
                        csvRow(out, row);
                    }
                });
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(jsonl); // a message is delivered in both formats or in neither
                throw e;
            }
        } catch (IOException e) {
            throw new FileLinkageException("cannot write " + base + " in " + folder + ": " + e.getMessage(), e);
        }
        outbox.markDeliveredByFile(ids, jsonl.getFileName().toString());
        return List.of(jsonl, csv);
    }

    /**
     * Writes the shelter's current roster (who is there now) as {@code roster-<shelter>-<time>.csv} and {@code .jsonl};
     * the export is audited by the store.
     */
    public List<Path> exportRoster(Path folder, String shelterId) {
        prepare(folder);
        if (!shelterId.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("a shelter id for a file name is letters, digits, - and _");
        }
        List<PresentPerson> roster = shelters.present(shelterId).people();
        String base = "roster-" + shelterId + "-" + STAMP.format(clock.instant());
        Path jsonl = folder.resolve(base + ".jsonl");
        Path csv = folder.resolve(base + ".csv");
        try {
            files.write(jsonl, out -> {
                for (PresentPerson e : roster) {
                    out.write(mapper.writeValueAsString(rosterLine(shelterId, e)));
                    out.write('\n');
                }
            });
            files.write(csv, out -> {
                csvRow(out, ROSTER_COLUMNS);
                for (PresentPerson e : roster) {
                    csvRow(out, new String[] {shelterId, e.personId(), e.householdId(), e.person().residentId(),
                        e.person().name(), Boolean.toString(!e.person().flags().isEmpty()),
                        Integer.toString(petCount(e)), e.since().toString()});
                }
            });
        } catch (IOException e) {
            throw new FileLinkageException("cannot write " + base + " in " + folder + ": " + e.getMessage(), e);
        }
        shelters.recordExport(shelterId, "file linkage roster", roster.size());
        return List.of(jsonl, csv);
    }

    private ObjectNode rosterLine(String shelterId, PresentPerson e) {
        ObjectNode n = mapper.createObjectNode();
        n.put("shelterId", shelterId);
        n.put("evacueeId", e.personId());
        n.put("householdKey", e.householdId());
        n.put("residentId", e.person().residentId());
        n.put("displayName", e.person().name());
        n.put("careNeeded", !e.person().flags().isEmpty());
        n.put("petCount", petCount(e));
        n.put("checkedInAt", e.since().toString());
        return n;
    }

    private static int petCount(PresentPerson e) {
        return e.pets().stream().mapToInt(Pet::count).sum();
    }

    private int prepare(Path folder) {
        if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new FileLinkageException("the folder " + folder + " does not exist or is not writable", null);
        }
        try {
            return AtomicFiles.removeLeftovers(folder);
        } catch (IOException e) {
            throw new FileLinkageException("cannot clean up " + folder + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode item(OutboxMessage m, Resource resource, JsonNode payload) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", m.id().toString());
        n.put("resource", resource.path());
        n.put("aggregateId", m.aggregateId());
        n.put("sequence", m.aggregateSeq());
        n.put("kind", m.kind());
        n.put("terminalId", terminalId);
        n.put("recordedAt", m.createdAt().toString());
        n.set("payload", payload);
        return n;
    }

    private static Resource resourceOf(String aggregateType) {
        return switch (aggregateType) {
            case CaseRepository.AGGREGATE -> Resource.APPLICATIONS;
            case ShelterRepository.AGGREGATE -> Resource.EVACUEE_EVENTS;
            default -> null;
        };
    }

    /** One RFC 4180 row: fields quoted when they hold a comma, quote, CR or LF; CRLF line end. */
    static void csvRow(Writer out, String[] fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String f = fields[i] == null ? "" : fields[i];
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.write('"');
                out.write(f.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(f);
            }
        }
        out.write("\r\n");
    }
}
