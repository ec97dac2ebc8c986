package dev.madoguchi.app.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.store.outbox.OutboxMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes one outbox message with its payload and the backend's problem to a JSON file (e.g. to hand it to the
 * municipality by other means). Written to a hidden temporary name and renamed, so a reader never sees half a file.
 * The file holds personal data; the caller says so to the person. Used by {@code madoguchi sync export} and the
 * desktop's blocked-messages screen.
 */
public final class OutboxMessageFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutboxMessageFile() {
    }

    /** Writes {@code m} to {@code file}, replacing it; returns the absolute path written. */
    public static Path write(OutboxMessage m, Path file) throws IOException {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", m.id().toString());
        n.put("aggregateType", m.aggregateType());
        n.put("aggregateId", m.aggregateId());
        n.put("sequence", m.aggregateSeq());
        n.put("kind", m.kind());
        n.put("recordedAt", m.createdAt().toString());
        n.put("status", m.status().name());
        n.put("problemCode", m.problemCode());
        n.put("problem", m.lastError());
        try {
            n.set("payload", MAPPER.readTree(m.payload()));
        } catch (IOException notJson) {
            n.put("payloadText", m.payload());
        }
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            Files.write(temp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
