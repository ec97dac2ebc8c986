package dev.madoguchi.backend.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reading request bodies: content type, size limit, strict UTF-8, strict JSON (no duplicate keys, no trailing data). */
final class JsonBodies {

    /** 1 MiB: the limit of a PUT body and of one batch item. */
    static final int MAX_BODY = 1024 * 1024;
    /** 8 MiB: the limit of a batch body. */
    static final int MAX_BATCH_BODY = 8 * 1024 * 1024;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonBodies() {
    }

    /** Checks {@code Content-Type: application/json} with no charset or {@code charset=utf-8}. */
    static void requireJson(Request request) throws ProblemException {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null) {
            throw new ProblemException(ApiProblem.UNSUPPORTED_MEDIA_TYPE,
                    "send the body with Content-Type: application/json; charset=utf-8");
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            throw new ProblemException(ApiProblem.UNSUPPORTED_MEDIA_TYPE,
                    "the body must be application/json; charset=utf-8, not another media type");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].strip().split("=", 2);
            if (param[0].strip().equalsIgnoreCase("charset")) {
                String charset = param.length == 2 ? param[1].strip().replace("\"", "") : "";
                if (!charset.equalsIgnoreCase("utf-8")) {
                    throw new ProblemException(ApiProblem.UNSUPPORTED_MEDIA_TYPE,
                            "the body must be encoded in UTF-8 (charset=utf-8)");
                }
            }
        }
    }

    /** Reads at most {@code limit} bytes; more is 413. */
    static byte[] read(Request request, int limit) throws ProblemException, IOException {
        long declared = request.getLength();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        // not closed here: closing fails the request's content, and Jetty could then not send the 413
        InputStream in = Content.Source.asInputStream(request);
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        return body;
    }

    /**
     * Reads and throws away what is left of the request body, at most {@code bound} bytes, so that a client still
     * sending a refused body (413, 401, 415 …) finishes writing and then reads the answer. Answering and closing
     * while the client still writes makes the client's TCP stack see a reset and lose the answer ("header parser
     * received no bytes" in java.net.http). A stalled client is ended by the connector's idle timeout.
     *
     * @return true if the body was read to its end, false if it was longer than the bound or could not be read
     */
    static boolean discardRest(Request request, long bound) {
        InputStream in = Content.Source.asInputStream(request);
        byte[] sink = new byte[64 * 1024];
        long total = 0;
        try {
            while (total <= bound) {
                int n = in.read(sink);
                if (n < 0) {
                    return true;
                }
                total += n;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Parses strict JSON from UTF-8 bytes. */
    static JsonNode parse(byte[] body) throws ProblemException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ApiProblem.MALFORMED_JSON, "the body is not valid UTF-8");
        }
        if (text.isBlank()) {
            throw new ProblemException(ApiProblem.MALFORMED_JSON, "the body is empty; send a JSON object");
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new ProblemException(ApiProblem.MALFORMED_JSON, "the body is empty; send a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
                    + location.getColumnNr();
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "a key appears twice" : "the body is not well-formed JSON";
            throw new ProblemException(ApiProblem.MALFORMED_JSON, what + where);
        }
    }

    private static ProblemException tooLarge(int limit) {
        return new ProblemException(ApiProblem.TOO_LARGE, "the body is larger than " + limit + " bytes ("
                + (limit / 1024 / 1024) + " MiB)" + (limit == MAX_BODY ? "" : "; send fewer items per batch"));
    }
}
