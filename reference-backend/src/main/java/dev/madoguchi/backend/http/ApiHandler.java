package dev.madoguchi.backend.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.backend.db.BackendDatabase;
import dev.madoguchi.backend.db.BackendDatabaseException;
import dev.madoguchi.backend.moveout.MoveOutRepository;
import dev.madoguchi.backend.register.CheckpointException;
import dev.madoguchi.backend.register.RegisterRepository;
import dev.madoguchi.backend.register.RegisterResident;
import dev.madoguchi.backend.shelter.ShelterList;
import dev.madoguchi.backend.submission.FieldError;
import dev.madoguchi.backend.submission.Resource;
import dev.madoguchi.backend.submission.SubmissionResult;
import dev.madoguchi.backend.submission.SubmissionService;
import dev.madoguchi.backend.terminal.Authentication;
import dev.madoguchi.backend.terminal.TerminalRepository;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API (docs/api/openapi.yaml) as one Jetty handler. Blocking: each request runs on a Jetty pool thread with its
 * own pooled database connection. Every answer that is not a success is a problem+json; nothing personal is logged
 * (paths with a resident code are logged without it).
 */
public final class ApiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";
    private static final String API = "/api/v1/";
    private static final int MAX_BATCH_ITEMS = 500;
    private static final Set<String> BATCH_ITEM_FIELDS = Set.of("id", "resource");
    /** How much of a refused body is read and thrown away before answering (twice the batch limit). */
    private static final long DISCARD_BOUND = 2L * JsonBodies.MAX_BATCH_BODY;

    private final BackendDatabase database;
    private final TerminalRepository terminals;
    private final RegisterRepository register;
    private final MoveOutRepository moveOuts;
    private final ShelterList shelters;
    private final SubmissionService submissions;
    private final BackendFaults faults;
    private final String version;

    public ApiHandler(BackendDatabase database, TerminalRepository terminals, RegisterRepository register,
            MoveOutRepository moveOuts, ShelterList shelters, SubmissionService submissions, BackendFaults faults,
            String version) {
        super(InvocationType.BLOCKING);
        this.database = database;
        this.terminals = terminals;
        this.register = register;
        this.moveOuts = moveOuts;
        this.shelters = shelters;
        this.submissions = submissions;
        this.faults = faults;
        this.version = version;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        try {
            pause();
            if ("/health".equals(path)) {
                requireMethod(method, "GET", response);
                health(response, callback);
                return true;
            }
            if (path == null || !path.startsWith(API)) {
                throw new ProblemException(ApiProblem.NOT_FOUND, "no such resource; the API is under /api/v1/");
            }
            if (faults.unavailable()) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
                throw new ProblemException(ApiProblem.UNAVAILABLE, "the backend is unavailable (test fault); retry later");
            }
            String terminal = authenticate(request, response);
            route(request, response, callback, method, path.substring(API.length()), terminal);
        } catch (ProblemException e) {
            // read what the client still sends (bounded) before answering: see JsonBodies.discardRest
            if (!JsonBodies.discardRest(request, DISCARD_BOUND)) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            answer(response, callback, e.problem());
        } catch (BackendDatabaseException e) {
            LOG.warn("{} {}: database failure: {}", method, ApiLogText.path(path), ApiLogText.causeChain(e));
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
            answer(response, callback, new Problem(ApiProblem.UNAVAILABLE,
                    "the backend's database does not answer; retry later"));
        } catch (IOException e) {
            LOG.info("{} {}: the request could not be read: {}", method, ApiLogText.path(path), e.toString());
            callback.failed(e);
        } catch (RuntimeException e) {
            LOG.error("{} {}: internal error: {}", method, ApiLogText.path(path), ApiLogText.causeChain(e));
            LOG.debug("internal error details", e);
            answer(response, callback, new Problem(ApiProblem.INTERNAL,
                    "the backend failed; retry later, and tell its operator if it persists"));
        }
        return true;
    }

    private void route(Request request, Response response, Callback callback, String method, String rest,
            String terminal) throws ProblemException, IOException {
        String[] segments = rest.split("/", -1);
        if (segments.length == 2 && segments[0].equals("register") && segments[1].equals("changes")) {
            requireMethod(method, "GET", response);
            changes(request, response, callback);
        } else if (segments.length == 2 && segments[0].equals("move-outs") && segments[1].equals("pending")) {
            requireMethod(method, "GET", response);
            write(response, callback, 200, JSON, MoveOutJson.page(moveOuts, Request.extractQueryParameters(request)));
        } else if (segments.length == 1 && segments[0].equals("shelters")) {
            requireMethod(method, "GET", response);
            write(response, callback, 200, JSON, shelterList());
        } else if (segments.length == 2 && segments[0].equals("residents")) {
            requireMethod(method, "GET", response);
            resident(segments[1], response, callback);
        } else if (segments.length == 2 && Resource.ofPathName(segments[0]).isPresent()) {
            requireMethod(method, "PUT", response);
            put(Resource.ofPathName(segments[0]).get(), segments[1], request, response, callback, terminal);
        } else if (segments.length == 1 && segments[0].equals("batch")) {
            requireMethod(method, "POST", response);
            batch(request, response, callback, terminal);
        } else {
            throw new ProblemException(ApiProblem.NOT_FOUND, "no such resource under /api/v1/");
        }
    }

    private String shelterList() throws ProblemException {
        try {
            return shelters.json();
        } catch (IOException e) {
            LOG.warn("GET shelters: the shelter list cannot be served: {}", e.getMessage());
            throw new ProblemException(ApiProblem.UNAVAILABLE, "the shelter list cannot be read; its operator must fix it");
        }
    }

    private void health(Response response, Callback callback) {
        boolean up = !faults.unavailable() && database.isUp();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("status", up ? "UP" : "DOWN");
        json.put("version", version);
        json.put("database", database.kind().displayName());
        write(response, callback, up ? 200 : 503, JSON, json.toString());
    }

    private String authenticate(Request request, Response response) throws ProblemException {
        Authentication auth = terminals.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (auth instanceof Authentication.Authenticated ok) {
            return ok.terminalId();
        }
        if (auth instanceof Authentication.Revoked) {
            throw new ProblemException(ApiProblem.TERMINAL_REVOKED,
                    "this terminal was revoked; ask the backend's operator to register it again");
        }
        boolean presented = ((Authentication.Unauthenticated) auth).tokenPresented();
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE,
                presented ? "Bearer realm=\"madoguchi\", error=\"invalid_token\"" : "Bearer realm=\"madoguchi\"");
        throw new ProblemException(ApiProblem.UNAUTHENTICATED, presented
                ? "the terminal token is not valid; register the terminal (./madoguchi backend add-terminal) and "
                        + "configure its token"
                : "send Authorization: Bearer <terminalId>.<secret>");
    }

    private void changes(Request request, Response response, Callback callback) throws ProblemException {
        Fields query = Request.extractQueryParameters(request);
        String since = query.getValue("since");
        String limitText = query.getValue("limit");
        int limit = 500;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > RegisterRepository.MAX_LIMIT) {
                throw new ProblemException(new Problem(ApiProblem.VALIDATION, "limit must be a whole number from 1 to "
                        + RegisterRepository.MAX_LIMIT, List.of(new FieldError("limit", "out of range"))));
            }
        }
        try {
            write(response, callback, 200, JSON, RegisterJson.page(register.changesSince(since, limit)).toString());
        } catch (CheckpointException e) {
            throw new ProblemException(ApiProblem.CHECKPOINT, e.getMessage());
        }
    }

    private void resident(String code, Response response, Callback callback) throws ProblemException {
        if (!RegisterResident.RESIDENT_CODE.matcher(code).matches()) {
            throw new ProblemException(ApiProblem.VALIDATION, "a resident code (住民票コード) is 11 ASCII digits");
        }
        Optional<RegisterResident> found = register.findByCode(code);
        if (found.isEmpty()) {
            throw new ProblemException(ApiProblem.RESIDENT_NOT_FOUND,
                    "no current resident has this resident code; check the code or pull the register");
        }
        write(response, callback, 200, JSON, RegisterJson.resident(found.get()).toString());
    }

    private void put(Resource resource, String id, Request request, Response response, Callback callback,
            String terminal) throws ProblemException, IOException {
        JsonBodies.requireJson(request);
        JsonNode body = JsonBodies.parse(JsonBodies.read(request, JsonBodies.MAX_BODY));
        SubmissionResult result = submissions.submit(new SubmissionService.Incoming(resource, id, body, "", Set.of()),
                terminal);
        if (result instanceof SubmissionResult.Created created) {
            answerWrite(request, response, callback, 201, created.receiptJson());
        } else if (result instanceof SubmissionResult.Repeated repeated) {
            answerWrite(request, response, callback, 200, repeated.receiptJson());
        } else {
            answer(response, callback, problemOf(result));
        }
    }

    private void batch(Request request, Response response, Callback callback, String terminal)
            throws ProblemException, IOException {
        JsonBodies.requireJson(request);
        JsonNode body = JsonBodies.parse(JsonBodies.read(request, JsonBodies.MAX_BATCH_BODY));
        List<FieldError> errors = new ArrayList<>();
        if (!body.isObject()) {
            errors.add(new FieldError("", "must be a JSON object with items"));
        } else {
            body.fieldNames().forEachRemaining(name -> {
                if (!name.equals("items")) {
                    errors.add(new FieldError("/" + name.replace("~", "~0").replace("/", "~1"), "unknown field"));
                }
            });
            JsonNode items = body.get("items");
            if (items == null || !items.isArray()) {
                errors.add(new FieldError("/items", "must be an array of 1 to " + MAX_BATCH_ITEMS + " items"));
            } else if (items.isEmpty() || items.size() > MAX_BATCH_ITEMS) {
                errors.add(new FieldError("/items", "must hold 1 to " + MAX_BATCH_ITEMS + " items"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(new Problem(ApiProblem.VALIDATION, "the batch is not valid", errors));
        }
        JsonNode items = body.get("items");
        Problem[] early = new Problem[items.size()];
        List<SubmissionService.Incoming> incoming = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String pointer = "/items/" + i;
            if (!item.isObject()) {
                early[i] = new Problem(ApiProblem.VALIDATION, "a batch item is a JSON object",
                        List.of(new FieldError(pointer, "must be a JSON object")));
                continue;
            }
            if (serialisedSize(item) > JsonBodies.MAX_BODY) {
                early[i] = new Problem(ApiProblem.TOO_LARGE, "this item is larger than 1 MiB; it cannot be stored");
                continue;
            }
            JsonNode resourceNode = item.get("resource");
            Optional<Resource> resource = resourceNode != null && resourceNode.isTextual()
                    ? Resource.ofPathName(resourceNode.textValue()) : Optional.empty();
            if (resource.isEmpty()) {
                early[i] = new Problem(ApiProblem.VALIDATION, "the item's resource is not valid",
                        List.of(new FieldError(pointer + "/resource", "must be applications or evacuee-events")));
                continue;
            }
            incoming.add(new SubmissionService.Incoming(resource.get(), idOf(item), item, pointer, BATCH_ITEM_FIELDS));
            positions.add(i);
        }
        List<SubmissionResult> outcomes = submissions.submitAll(incoming, terminal);
        SubmissionResult[] byPosition = new SubmissionResult[items.size()];
        for (int k = 0; k < outcomes.size(); k++) {
            byPosition[positions.get(k)] = outcomes.get(k);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode results = out.putArray("results");
        for (int i = 0; i < items.size(); i++) {
            results.add(batchResult(idOf(items.get(i)), byPosition[i], early[i]));
        }
        answerWrite(request, response, callback, 200, out.toString());
    }

    private static String idOf(JsonNode item) {
        JsonNode idNode = item.isObject() ? item.get("id") : null;
        return idNode != null && idNode.isTextual() ? idNode.textValue() : null;
    }

    private static ObjectNode batchResult(String id, SubmissionResult outcome, Problem problem) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("id", id);
        if (outcome instanceof SubmissionResult.Created created) {
            result.put("status", 201);
            result.set("receipt", parseStored(created.receiptJson()));
            result.putNull("problem");
        } else if (outcome instanceof SubmissionResult.Repeated repeated) {
            result.put("status", 200);
            result.set("receipt", parseStored(repeated.receiptJson()));
            result.putNull("problem");
        } else {
            Problem p = problem != null ? problem : problemOf(outcome);
            result.put("status", p.status());
            result.putNull("receipt");
            result.set("problem", p.toJson());
        }
        return result;
    }

    private static long serialisedSize(JsonNode node) {
        try {
            return JsonBodies.MAPPER.writeValueAsBytes(node).length;
        } catch (JsonProcessingException e) {
            return Long.MAX_VALUE;
        }
    }

    private static JsonNode parseStored(String json) {
        try {
            return JsonBodies.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored receipt is not JSON", e);
        }
    }

    private static Problem problemOf(SubmissionResult result) {
        if (result instanceof SubmissionResult.Invalid invalid) {
            return new Problem(ApiProblem.VALIDATION, invalid.detail()
                    + "; correct it (see errors) — it was not stored", invalid.errors());
        }
        if (result instanceof SubmissionResult.Conflict conflict) {
            return new Problem(ApiProblem.IDEMPOTENCY_CONFLICT, "id " + conflict.id()
                    + " was stored before with a different body; nothing was changed. A new submission needs a new id");
        }
        if (result instanceof SubmissionResult.TerminalMismatch) {
            return new Problem(ApiProblem.TERMINAL_MISMATCH,
                    "terminalId must be the terminal whose token authenticates the request; it was not stored");
        }
        throw new IllegalStateException("not a failure: " + result);
    }

    /** A successful write: answered, or — under the cut-after-commit test fault — the connection closed instead. */
    private void answerWrite(Request request, Response response, Callback callback, int status, String json) {
        if (faults.takeCutAfterCommit()) {
            LOG.debug("test fault: the connection is cut after the commit, without an answer");
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.failed(new IOException("test fault: connection cut after commit"));
            return;
        }
        write(response, callback, status, JSON, json);
    }

    private static void requireMethod(String method, String allowed, Response response) throws ProblemException {
        if (!allowed.equals(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, allowed);
            throw new ProblemException(ApiProblem.METHOD_NOT_ALLOWED, "use " + allowed + " here");
        }
    }

    static void answer(Response response, Callback callback, Problem problem) {
        if (problem.kind() == ApiProblem.TOO_LARGE) {
            // a too-large body is not parsed: the connection is not reused after it
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        write(response, callback, problem.status(), PROBLEM_JSON, problem.toJson().toString());
    }

    private static void write(Response response, Callback callback, int status, String contentType, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    private void pause() {
        long millis = faults.delay().toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
