package dev.madoguchi.backend.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.backend.moveout.MoveOutRepository;
import dev.madoguchi.backend.register.CheckpointException;
import dev.madoguchi.backend.submission.FieldError;
import java.util.List;
import org.eclipse.jetty.util.Fields;

/** {@code GET /api/v1/move-outs/pending?since=…&limit=…}: one page of pending move-in records as JSON. */
final class MoveOutJson {

    private MoveOutJson() {
    }

    static String page(MoveOutRepository moveOuts, Fields query) throws ProblemException {
        String limitText = query.getValue("limit");
        int limit = 100;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MoveOutRepository.MAX_LIMIT) {
                throw new ProblemException(new Problem(ApiProblem.VALIDATION, "limit must be a whole number from 1 to "
                        + MoveOutRepository.MAX_LIMIT, List.of(new FieldError("limit", "out of range"))));
            }
        }
        MoveOutRepository.Page page;
        try {
            page = moveOuts.page(query.getValue("since"), limit);
        } catch (CheckpointException e) {
            throw new ProblemException(ApiProblem.CHECKPOINT, e.getMessage());
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("municipalityCode", page.municipalityCode());
        ArrayNode records = json.putArray("records");
        page.records().forEach(records::add);
        json.put("checkpoint", page.checkpoint());
        json.put("hasMore", page.hasMore());
        return json.toString();
    }
}
