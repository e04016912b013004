package org.a4ptracker.platform.http;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.a4ptracker.api.model.Problem;

/**
 * The one shape of every error answer: an RFC 9457 problem as {@code application/problem+json}.
 * Each kind of failure has its own small mapper ({@code *Problems}); they all answer through here,
 * and so do the answers given before JAX-RS ({@link RequestGuards#send}). Every body names the
 * request's trace ({@code trace_id}), so that a user's error report leads to its log lines and
 * spans. Bodies never carry stack traces, class names or SQL.
 */
final class ProblemResponses {

    static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {}

    /** The answer to a described failure: its status, body, and headers. */
    static Response of(ProblemException e, UriInfo uri) {
        Problem body =
                body(e.status(), e.type(), e.title(), e.getMessage(), uri)
                        .errors(e.errors())
                        .allowed(e.allowed());
        Response.ResponseBuilder response = respond(body);
        e.headers().forEach(response::header);
        return response.build();
    }

    static Problem body(int status, String type, String title, String detail, UriInfo uri) {
        return body(status, type, title, detail, uri.getPath());
    }

    static Problem body(int status, String type, String title, String detail, String path) {
        // The generated model starts with empty lists; a problem without them must not show "[]".
        return new Problem()
                .status(status)
                .type(type)
                .title(title)
                .detail(detail)
                .instance(path)
                .traceId(traceId())
                .errors(null)
                .allowed(null);
    }

    /** The W3C trace id of the request being served, or null outside a trace. */
    static String traceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    static Response.ResponseBuilder respond(Problem body) {
        return Response.status(body.getStatus()).type(PROBLEM_JSON).entity(body);
    }
}
