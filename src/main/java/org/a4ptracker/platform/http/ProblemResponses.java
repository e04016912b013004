package org.a4ptracker.platform.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.a4ptracker.api.model.Problem;

/**
 * The one shape of every error answer: an RFC 9457 problem as {@code application/problem+json}.
 * Each kind of failure has its own small mapper ({@code *Problems}); they all answer through here.
 * Bodies never carry stack traces, class names or SQL.
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
        // The generated model starts with empty lists; a problem without them must not show "[]".
        return new Problem()
                .status(status)
                .type(type)
                .title(title)
                .detail(detail)
                .instance(uri.getPath())
                .errors(null)
                .allowed(null);
    }

    static Response.ResponseBuilder respond(Problem body) {
        return Response.status(body.getStatus()).type(PROBLEM_JSON).entity(body);
    }
}
