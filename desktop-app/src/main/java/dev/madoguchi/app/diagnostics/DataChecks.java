package dev.madoguchi.app.diagnostics;

import dev.madoguchi.app.keys.TerminalKeyException;
import dev.madoguchi.app.keys.TerminalKeyService;
import java.util.Optional;

import dev.madoguchi.app.files.OwnerOnlyFiles;
import dev.madoguchi.app.logging.PersonalDataMask;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.error.StoreError;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The checks of Madoguchi's own files (read without a passphrase) and of the backend; the log's tail. */
final class DataChecks {

    static final int LOG_LINES = 200;
    private static final byte[] ENCRYPTED_MAGIC = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);

    private final Remedies remedies;
    private final Path dataDirectory;
    private final Path storeDirectory;
    private final Path logDirectory;

    DataChecks(Remedies remedies, Path dataDirectory, Path storeDirectory, Path logDirectory) {
        this.remedies = remedies;
        this.dataDirectory = dataDirectory;
        this.storeDirectory = storeDirectory;
        this.logDirectory = logDirectory;
    }

    Check dataDirectory() {
        Path dir = dataDirectory;
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("path", dir.toString());
        facts.put("exists", Files.isDirectory(dir));
        if (!Files.isDirectory(dir)) {
            return new Check("data-directory", CheckStatus.OK, "not created yet (first start)", facts, "");
        }
        try {
            facts.put("freeDiskMB", Files.getFileStore(dir).getUsableSpace() / (1024 * 1024));
            facts.put("writable", Files.isWritable(dir));
            List<Path> open = OwnerOnlyFiles.tooOpen(dir);
            List<String> relative = new ArrayList<>();
            for (Path p : open) {
                relative.add(dir.relativize(p).toString().isEmpty() ? "." : dir.relativize(p).toString());
            }
            facts.put("readableByOthers", relative.size() > 20 ? relative.subList(0, 20) : relative);
            if (!Files.isWritable(dir)) {
                return new Check("data-directory", CheckStatus.PROBLEM, "not writable", facts,
                        remedies.get("data.notWritable", dir));
            }
            if (!open.isEmpty()) {
                return new Check("data-directory", CheckStatus.WARNING, open.size()
                        + " file(s) or folder(s) others may read", facts, remedies.get("data.tooOpen", dir));
            }
            return new Check("data-directory", CheckStatus.OK, "owner-only", facts, "");
        } catch (IOException | RuntimeException e) {
            facts.put("error", e.getClass().getSimpleName());
            return new Check("data-directory", CheckStatus.PROBLEM, "cannot be read", facts,
                    remedies.get("data.notWritable", dir));
        }
    }

    Check store() {
        Path dir = storeDirectory;
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("path", dir.toString());
        Path file = dir.resolve(LocalStore.DATABASE_FILE);
        if (!LocalStore.exists(dir)) {
            facts.put("exists", false);
            return new Check("store", CheckStatus.WARNING, "no store yet", facts, remedies.store(StoreError.NO_STORE));
        }
        facts.put("exists", true);
        try {
            facts.put("sizeMB", Files.size(file) / (1024.0 * 1024.0));
            byte[] head;
            try (var in = Files.newInputStream(file)) {
                head = in.readNBytes(ENCRYPTED_MAGIC.length);
            }
            boolean encrypted = java.util.Arrays.equals(head, ENCRYPTED_MAGIC);
            facts.put("encrypted", encrypted);
            int schema = LocalStore.recordedSchemaVersion(dir);
            facts.put("schemaVersion", schema < 0 ? "unknown (opened by a version before the marker)" : schema);
            try (Stream<Path> files = Files.list(dir)) {
                facts.put("backupsBeside", files.filter(p -> p.getFileName().toString().endsWith(".backup.zip"))
                        .count());
            }
            facts.put("lastModified", Files.getLastModifiedTime(file).toInstant().toString());
            if (!encrypted) {
                return new Check("store", CheckStatus.PROBLEM, "store file not encrypted", facts,
                        remedies.store(StoreError.CORRUPT_FILE));
            }
            return new Check("store", CheckStatus.OK, "encrypted store, schema " + facts.get("schemaVersion"), facts,
                    "");
        } catch (IOException e) {
            facts.put("error", e.getClass().getSimpleName());
            return new Check("store", CheckStatus.PROBLEM, "store file unreadable", facts,
                    remedies.store(StoreError.STORE_ERROR));
        }
    }

    /** Whether the backend answers, and how far its clock is from ours (its Date header). */
    /**
     * The terminal's QR signing key (docs/adr/0025): its key id (SHA-256 of the public key, 16 hex digits) and since
     * when it signs — never the key. A plain key file of an earlier version is a warning until a clerk signs in.
     */
    Check signingKey() {
        TerminalKeyService keys = TerminalKeyService.in(dataDirectory);
        Map<String, Object> facts = new LinkedHashMap<>();
        try {
            Optional<TerminalKeyService.KeyInfo> current = keys.current();
            boolean plain = keys.plainKeyPresent();
            facts.put("sealed", current.isPresent());
            facts.put("plainKeyFile", plain);
            current.ifPresent(k -> {
                facts.put("kid", k.keyId());
                facts.put("notBefore", k.notBefore().toString());
            });
            facts.put("keys", keys.keys().size());
            if (plain) {
                return new Check("signing-key", CheckStatus.WARNING, "plain key file not sealed yet", facts,
                        remedies.get("key.plain"));
            }
            return new Check("signing-key", CheckStatus.OK, current.map(k -> "sealed, kid " + k.keyId())
                    .orElse("none yet (made at the first print)"), facts, "");
        } catch (TerminalKeyException e) {
            return new Check("signing-key", CheckStatus.PROBLEM, "key file unreadable", facts,
                    remedies.get("key.damaged"));
        }
    }

    Check backend(URI backend) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (backend == null) {
            facts.put("configured", false);
            return new Check("backend", CheckStatus.OK, "not configured", facts, "");
        }
        facts.put("url", backend.getScheme() + "://" + backend.getHost() + (backend.getPort() > 0 ? ":"
                + backend.getPort() : ""));
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            Instant sent = Instant.now();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(backend).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            Instant received = Instant.now();
            facts.put("httpStatus", response.statusCode());
            facts.put("roundTripMs", Duration.between(sent, received).toMillis());
            response.headers().firstValue("Date").ifPresent(date -> {
                Instant theirs = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                long skew = Duration.between(sent.plus(Duration.between(sent, received).dividedBy(2)), theirs)
                        .getSeconds();
                facts.put("clockSkewSeconds", skew);
            });
            Object skew = facts.get("clockSkewSeconds");
            if (skew instanceof Long s && Math.abs(s) > 60) {
                return new Check("backend", CheckStatus.WARNING, "clock skew " + s + " s", facts,
                        remedies.get("backend.clock"));
            }
            return new Check("backend", CheckStatus.OK, "reachable (HTTP " + response.statusCode() + ")", facts, "");
        } catch (IOException | RuntimeException e) {
            facts.put("error", e.getClass().getSimpleName());
            return new Check("backend", CheckStatus.PROBLEM, "not reachable", facts, remedies.get("backend.down"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            facts.put("error", "interrupted");
            return new Check("backend", CheckStatus.PROBLEM, "not reachable", facts, remedies.get("backend.down"));
        }
    }

    /** The last {@value #LOG_LINES} lines of the current log, masked once more. */
    List<String> logTail() {
        Path log = logDirectory.resolve("madoguchi.log");
        Deque<String> tail = new ArrayDeque<>();
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                tail.addLast(PersonalDataMask.mask(line));
                if (tail.size() > LOG_LINES) {
                    tail.removeFirst();
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("(log unreadable: " + e.getClass().getSimpleName() + ")");
        }
        return new ArrayList<>(tail);
    }
}
