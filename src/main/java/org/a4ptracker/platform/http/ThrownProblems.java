package org.a4ptracker.platform.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Failures the code recognised and described itself ({@link ProblemException}): answered as
 * described.
 */
public class ThrownProblems {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e, uri);
    }
}
