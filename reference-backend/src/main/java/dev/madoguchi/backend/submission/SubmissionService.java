package dev.madoguchi.backend.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Submissions from parsed JSON to stored rows: validate, check the terminal, store exactly once. */
public final class SubmissionService {

    private final SubmissionRepository repository;

    public SubmissionService(SubmissionRepository repository) {
        this.repository = repository;
    }

    /**
     * A submission read from a request, before it is stored.
     *
     * @param resource null when the caller could not tell (then {@code failure} is set)
     * @param idText the id as the client sent it (path segment or batch item field)
     * @param body the JSON object with the fields
     * @param pointerPrefix where {@code body} sits in the request, for error pointers ({@code ""} or {@code /items/3})
     * @param extraFields fields of {@code body} that the caller has read itself
     */
    public record Incoming(Resource resource, String idText, JsonNode body, String pointerPrefix,
            Set<String> extraFields) {
    }

    /** One submission: {@link SubmissionResult.Created}/{@code Repeated} or why not. */
    public SubmissionResult submit(Incoming incoming, String authenticatedTerminal) {
        return submitAll(List.of(incoming), authenticatedTerminal).get(0);
    }

    /** Many, in order; each with exactly the outcome it would have alone. */
    public List<SubmissionResult> submitAll(List<Incoming> incoming, String authenticatedTerminal) {
        SubmissionResult[] results = new SubmissionResult[incoming.size()];
        List<Submission> valid = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < incoming.size(); i++) {
            Incoming in = incoming.get(i);
            UUID id = SubmissionParser.parseId(in.idText());
            String idPointer = in.pointerPrefix().isEmpty() ? "" : in.pointerPrefix() + "/id";
            List<FieldError> errors = new ArrayList<>();
            if (id == null) {
                errors.add(new FieldError(idPointer, "the id is not a UUID (the client's outbox id)"));
            }
            Submission parsed = null;
            try {
                parsed = SubmissionParser.parse(id == null ? new UUID(0, 0) : id, in.resource(), in.body(),
                        in.pointerPrefix(), in.extraFields());
            } catch (InvalidSubmissionException e) {
                errors.addAll(e.errors());
            }
            if (!errors.isEmpty()) {
                results[i] = new SubmissionResult.Invalid(errors,
                        "the " + in.resource().pathName() + " submission is not valid");
            } else if (!parsed.terminalId().equals(authenticatedTerminal)) {
                results[i] = new SubmissionResult.TerminalMismatch();
            } else {
                valid.add(parsed);
                positions.add(i);
            }
        }
        if (!valid.isEmpty()) {
            List<SubmissionResult> stored = valid.size() == 1 ? List.of(repository.store(valid.get(0)))
                    : repository.storeAll(valid);
            for (int k = 0; k < stored.size(); k++) {
                results[positions.get(k)] = stored.get(k);
            }
        }
        return List.of(results);
    }
}
