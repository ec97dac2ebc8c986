package dev.madoguchi.backend.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One submission from parsed JSON to a stored row: validate, check the terminal, store exactly once. */
public final class SubmissionService {

    private final SubmissionRepository repository;

    public SubmissionService(SubmissionRepository repository) {
        this.repository = repository;
    }

    /**
     * @param idText the id as the client sent it (path segment or batch item field)
     * @param authenticatedTerminal the terminal whose token authenticated the request
     * @param pointerPrefix where {@code body} sits in the request, for error pointers
     * @param extraFields fields of {@code body} that the caller has read itself
     */
    public SubmissionResult submit(Resource resource, String idText, JsonNode body, String authenticatedTerminal,
            String pointerPrefix, Set<String> extraFields) {
        UUID id = SubmissionParser.parseId(idText);
        Object parsed = SubmissionParser.parse(id == null ? new UUID(0, 0) : id, resource, body, pointerPrefix,
                extraFields);
        if (parsed instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<FieldError> errors = (List<FieldError>) list;
            if (id == null) {
                errors = prepend(errors, new FieldError(pointerPrefix.isEmpty() ? "" : pointerPrefix + "/id",
                        "the id is not a UUID"));
            }
            return new SubmissionResult.Invalid(errors, "the " + resource.pathName() + " submission is not valid");
        }
        if (id == null) {
            return new SubmissionResult.Invalid(List.of(new FieldError(pointerPrefix.isEmpty() ? "" : pointerPrefix
                    + "/id", "the id is not a UUID")), "the id must be a UUID (the client's outbox id)");
        }
        Submission submission = (Submission) parsed;
        if (!submission.terminalId().equals(authenticatedTerminal)) {
            return new SubmissionResult.TerminalMismatch();
        }
        return repository.store(submission);
    }

    private static List<FieldError> prepend(List<FieldError> errors, FieldError first) {
        java.util.ArrayList<FieldError> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(errors);
        return all;
    }
}
