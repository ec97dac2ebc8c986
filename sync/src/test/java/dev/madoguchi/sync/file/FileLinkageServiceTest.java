package dev.madoguchi.sync.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.madoguchi.domain.testing.MovableClock;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.sync.SyncTestStores;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLinkageServiceTest {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T01:00:00Z"));
    private LocalStore store;
    private Path out;

    @BeforeEach
    void setUp() throws IOException {
        store = SyncTestStores.create(dir.resolve("store"), clock);
        out = Files.createDirectories(dir.resolve("linkage"));
        for (int i = 0; i < 5; i++) {
            store.cases().open("R" + i, "転入", "{\"note\":\"𠮷, \\\"quoted\\\"\\nline\",\"n\":" + i + "}", null);
            clock.advance(Duration.ofMillis(1));
            SyncTestStores.checkIn(store, "S1", "E" + i, "H1", "避難 " + i);
            clock.advance(Duration.ofMillis(1));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static List<Path> visible(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    @Test
    void pendingMessagesAreWrittenAsJsonLinesAndCsvAndMarkedDelivered() throws Exception {
        FileExport export = new FileLinkageService(store.outbox(), store.shelter(), "t1", clock).exportPending(out, 3);

        assertThat(export.applications()).isEqualTo(5);
        assertThat(export.evacueeEvents()).isEqualTo(5);
        assertThat(store.outbox().counts().unfinished()).isZero();
        assertThat(store.outbox().withStatus(dev.madoguchi.store.outbox.OutboxStatus.DONE, 100).stream()
                .filter(m -> m.aggregateType().equals("case"))
                .map(m -> store.cases().find(java.util.UUID.fromString(m.aggregateId())).orElseThrow().status()))
                .as("a case delivered by file is finished like one delivered over HTTP").hasSize(5)
                .containsOnly(dev.madoguchi.store.cases.CaseStatus.SYNCED);
        List<Path> files = visible(out);
        assertThat(files).hasSize(export.files().size()).allMatch(f -> f.toString().endsWith(".jsonl")
                || f.toString().endsWith(".csv"));
        try (Stream<Path> all = Files.list(out)) {
            assertThat(all.filter(f -> f.toString().endsWith(AtomicFiles.PARTIAL_SUFFIX))).isEmpty();
        }
        ObjectMapper mapper = new ObjectMapper();
        long lines = 0;
        long lastSeq = 0;
        for (Path f : files) {
            if (f.toString().endsWith(".jsonl")) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    JsonNode n = mapper.readTree(line);
                    assertThat(n.fieldNames()).toIterable().containsExactly("id", "resource", "aggregateId",
                            "sequence", "kind", "terminalId", "recordedAt", "payload");
                    if (n.get("aggregateId").asText().equals("S1")) {
                        assertThat(n.get("sequence").asLong()).isEqualTo(lastSeq + 1);
                        lastSeq = n.get("sequence").asLong();
                    }
                    lines++;
                }
            } else {
                String csv = Files.readString(f, StandardCharsets.UTF_8);
                assertThat(csv).startsWith("id,resource,aggregateId,sequence,kind,terminalId,recordedAt,payload\r\n");
            }
        }
        assertThat(lines).isEqualTo(10);
        String someCsv = Files.readString(files.stream().filter(f -> f.getFileName().toString()
                .startsWith("applications") && f.toString().endsWith(".csv")).findFirst().orElseThrow());
        assertThat(someCsv).contains("\"{\"\"note\"\":\"\"𠮷, \\\"\"quoted\\\"\"\\nline\"\"");
        assertThat(store.audit().verify().intact()).isTrue();
        assertThat(store.audit().tail(3)).anyMatch(e -> e.action() == AuditAction.EXPORT);
    }

    @Test
    void aWriteThatFailsPartWayLeavesNoFileThatLooksCompleteAndMarksNothingDelivered() throws Exception {
        FileLinkageService failing = new FileLinkageService(store.outbox(), store.shelter(), "t1", clock,
                stream -> new FilterOutputStream(stream) {
                    private int written;

                    @Override
                    public void write(int b) throws IOException {
                        if (++written > 200) {
                            throw new IOException("No space left on device");
                        }
                        super.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        for (int i = 0; i < len; i++) {
                            write(b[off + i]);
                        }
                    }
                });

        assertThatThrownBy(() -> failing.exportPending(out, 100)).isInstanceOf(FileLinkageException.class)
                .hasMessageContaining(FileLinkageException.CODE);

        try (Stream<Path> all = Files.list(out)) {
            assertThat(all).isEmpty(); // neither a complete-looking file nor a temporary one
        }
        assertThat(store.outbox().counts().waiting()).isEqualTo(10);
        assertThat(store.outbox().counts().done()).isZero();

        // the next export (the disk has room again) delivers everything
        FileExport export = new FileLinkageService(store.outbox(), store.shelter(), "t1", clock).exportPending(out, 100);
        assertThat(export.applications() + export.evacueeEvents()).isEqualTo(10);
    }

    @Test
    void aFailureOfTheSecondFormatRemovesTheFirstSoAMessageIsInBothOrNeither() throws Exception {
        int[] files = {0};
        FileLinkageService failing = new FileLinkageService(store.outbox(), store.shelter(), "t1", clock,
                stream -> {
                    files[0]++;
                    if (files[0] == 2) { // the CSV of the first pair
                        return new OutputStream() {
                            @Override
                            public void write(int b) throws IOException {
                                throw new IOException("I/O error");
                            }
                        };
                    }
                    return stream;
                });
        assertThatThrownBy(() -> failing.exportPending(out, 100)).isInstanceOf(FileLinkageException.class);
        assertThat(visible(out)).isEmpty();
        assertThat(store.outbox().counts().done()).isZero();
    }

    @Test
    void temporaryFilesACrashLeftAreRemovedAndNeverCountAsDelivered() throws Exception {
        Path leftover = out.resolve(".applications-t1-x.jsonl.1234" + AtomicFiles.PARTIAL_SUFFIX);
        Files.writeString(leftover, "{\"id\":");
        FileExport export = new FileLinkageService(store.outbox(), store.shelter(), "t1", clock).exportPending(out, 100);
        assertThat(export.leftoversRemoved()).isEqualTo(1);
        assertThat(leftover).doesNotExist();
    }

    @Test
    void aRosterIsWrittenInBothFormatsAndTheExportAudited() throws Exception {
        SyncTestStores.checkOut(store, "S1", "E0");
        List<Path> files = new FileLinkageService(store.outbox(), store.shelter(), "t1", clock).exportRoster(out, "S1");
        assertThat(files).hasSize(2);
        assertThat(Files.readAllLines(files.get(0))).hasSize(4);
        assertThat(Files.readAllLines(files.get(1))).hasSize(5).first().asString()
                .isEqualTo("shelterId,evacueeId,householdKey,residentId,displayName,careNeeded,petCount,checkedInAt");
        assertThat(store.audit().tail(1).get(0).action()).isEqualTo(AuditAction.EXPORT);
    }

    @Test
    void aMissingFolderIsATypedFailure() {
        assertThatThrownBy(() -> new FileLinkageService(store.outbox(), store.shelter(), "t1", clock)
                .exportPending(dir.resolve("missing"), 10)).isInstanceOf(FileLinkageException.class)
                .hasMessageContaining("does not exist");
    }
}
