package org.a4ptracker.platform.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.a4ptracker.api.model.Problem;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Everything no other mapper claims. A database refusal the request caused ({@link
 * ConflictProblems}) or a database that cannot answer now ({@link DatabaseUnavailable}, 503) is
 * answered as such; anything else is a 500, logged under a correlation id that the answer repeats.
 */
public class UnexpectedProblems {

    private static final Logger LOG = Logger.getLogger(UnexpectedProblems.class);

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return answer(e, uri);
    }

    static Response answer(Throwable e, UriInfo uri) {
        ProblemException conflict = ConflictProblems.of(e);
        if (conflict != null) {
            return ProblemResponses.of(conflict, uri);
        }
        ProblemException unavailable = DatabaseUnavailable.answer(e, uri.getPath());
        if (unavailable != null) {
            return ProblemResponses.of(unavailable, uri);
        }
        String correlationId = UUID.randomUUID().toString();
        MDC.put("correlation_id", correlationId);
        try {
            LOG.errorf(
                    e, "Unexpected error on %s (correlation id %s)", uri.getPath(), correlationId);
        } finally {
            MDC.remove("correlation_id");
        }
        Problem body =
                ProblemResponses.body(
                                500,
                                "/problems/internal-error",
                                "Internal error",
                                "An unexpected error occurred. Quote the correlation id when reporting it.",
                                uri)
                        .correlationId(correlationId);
        return ProblemResponses.respond(body).build();
    }
}
