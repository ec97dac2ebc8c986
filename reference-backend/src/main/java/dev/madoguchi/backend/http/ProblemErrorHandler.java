package dev.madoguchi.backend.http;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Errors that Jetty itself answers (bad HTTP, headers too large …) as problem+json too, never an HTML page. */
public final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        ApiProblem kind = switch (code) {
            case 404 -> ApiProblem.NOT_FOUND;
            case 405 -> ApiProblem.METHOD_NOT_ALLOWED;
            case 413 -> ApiProblem.TOO_LARGE;
            case 415 -> ApiProblem.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ApiProblem.UNAVAILABLE;
            default -> code >= 500 ? ApiProblem.INTERNAL : ApiProblem.VALIDATION;
        };
        String detail = code >= 500 ? "the backend failed; retry later"
                : "the HTTP request was refused (" + code + "); check the request line and headers";
        ApiHandler.answer(response, callback, new Problem(kind, detail));
    }
}
