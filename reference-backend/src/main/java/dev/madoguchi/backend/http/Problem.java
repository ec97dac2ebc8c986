package dev.madoguchi.backend.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.backend.submission.FieldError;
import java.util.List;

/** An RFC 7807 problem: one of {@link ApiProblem}, a detail (what to do; never personal data) and field errors. */
public record Problem(ApiProblem kind, String detail, List<FieldError> errors) {

    public Problem {
        errors = List.copyOf(errors);
    }

    public Problem(ApiProblem kind, String detail) {
        this(kind, detail, List.of());
    }

    public int status() {
        return kind.status();
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", kind.type());
        json.put("title", kind.title());
        json.put("status", kind.status());
        json.put("detail", detail);
        json.put("code", kind.code());
        if (!errors.isEmpty()) {
            ArrayNode list = json.putArray("errors");
            for (FieldError e : errors) {
                list.addObject().put("pointer", e.pointer()).put("message", e.message());
            }
        }
        return json;
    }
}
