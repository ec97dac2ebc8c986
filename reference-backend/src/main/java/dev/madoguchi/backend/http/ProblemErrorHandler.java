package dev.madoguchi.backend.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty itself answers (a bad request line, headers too large, a request time-out …) as problem+json
 * too, never an HTML page. The status stays Jetty's (a 408 must stay retryable); the code is {@code API-<status>-HTTP}.
 */
public final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        ApiProblem kind = code >= 500 ? ApiProblem.INTERNAL : ApiProblem.VALIDATION;
        String detail = code >= 500 ? "the backend failed; retry later"
                : "the HTTP request was refused (" + code + "); check the request line, headers and body";
        ObjectNode json = new Problem(kind, detail).toJson();
        json.put("title", "HTTP error " + code);
        json.put("type", ApiProblem.TYPE_BASE + "http");
        json.put("status", code);
        json.put("code", "API-" + code + "-HTTP");
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
