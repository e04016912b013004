package org.a4ptracker.platform.http;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * No valid token (401, with the {@code WWW-Authenticate} challenge), or roles that do not allow the
 * operation (403).
 */
public class AuthProblems {

    @ServerExceptionMapper({
        UnauthorizedException.class,
        AuthenticationFailedException.class,
        AuthenticationRedirectException.class,
        AuthenticationCompletionException.class
    })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return ProblemResponses.respond(
                        ProblemResponses.body(
                                401,
                                "/problems/unauthorized",
                                "Authentication required",
                                "Send a valid bearer token in the Authorization header.",
                                uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(
                ProblemException.forbidden("Your roles do not allow this operation."), uri);
    }
}
