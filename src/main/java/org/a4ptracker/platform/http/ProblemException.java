package org.a4ptracker.platform.http;

import java.util.List;
import java.util.Map;
import org.a4ptracker.api.model.ProblemError;

/**
 * A client error with everything needed to answer it as {@code application/problem+json}. Services
 * throw it; {@link ThrownProblems} answers it (and the other mappers describe their failures with
 * it).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<ProblemError> errors;
    private final List<String> allowed;
    private final Map<String, String> headers;

    public ProblemException(
            int status,
            String type,
            String title,
            String detail,
            List<ProblemError> errors,
            List<String> allowed,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
        this.allowed = allowed;
        this.headers = headers;
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, null, null, Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "/problems/not-found", "Not found", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "/problems/forbidden", "Not allowed", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "/problems/conflict", "Conflict", detail);
    }

    /**
     * 412: the resource is not in the state the request expected (a stale {@code If-Match}, or a
     * write that lost a race).
     */
    public static ProblemException preconditionFailed(String detail, Map<String, String> headers) {
        return new ProblemException(
                412,
                "/problems/precondition-failed",
                "Precondition failed",
                detail,
                null,
                null,
                headers);
    }

    public static ProblemException preconditionFailed(String detail) {
        return preconditionFailed(detail, Map.of());
    }

    /** 503: nothing was done and a retry can succeed; {@code headers} carry {@code Retry-After}. */
    public static ProblemException serviceUnavailable(String detail, Map<String, String> headers) {
        return new ProblemException(
                503,
                "/problems/service-unavailable",
                "Service unavailable",
                detail,
                null,
                null,
                headers);
    }

    public static ProblemException invalidTransition(String detail, List<String> allowed) {
        return new ProblemException(
                409,
                "/problems/invalid-transition",
                "Transition not allowed",
                detail,
                null,
                allowed,
                Map.of());
    }

    public static ProblemException invalid(String detail, List<ProblemError> errors) {
        return new ProblemException(
                400,
                "/problems/validation-error",
                "Request is not valid",
                detail,
                errors,
                null,
                Map.of());
    }

    /** A 400 listing every violation found, each with its JSON pointer or parameter name. */
    public static ProblemException invalid(List<ProblemError> errors) {
        return invalid(
                errors.size() == 1
                        ? "1 value is not valid."
                        : errors.size() + " values are not valid.",
                errors);
    }

    public static ProblemError fieldError(String pointer, String detail) {
        return new ProblemError().pointer(pointer).detail(detail);
    }

    public static ProblemException invalidField(String pointer, String detail) {
        return invalid(detail, List.of(new ProblemError().pointer(pointer).detail(detail)));
    }

    public static ProblemException invalidParameter(String parameter, String detail) {
        return invalid(detail, List.of(new ProblemError().parameter(parameter).detail(detail)));
    }

    public static ProblemException unprocessable(String type, String title, String detail) {
        return new ProblemException(422, type, title, detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<ProblemError> errors() {
        return errors;
    }

    public List<String> allowed() {
        return allowed;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
