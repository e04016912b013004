package org.a4ptracker.platform.http;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * A DELETE answers 204 without a body, so the contract gives it only the problem+json type of its
 * errors, and a client sending {@code Accept: application/json} as for every other call would get a
 * 406 instead of the deletion. There is nothing to negotiate: forget the client's Accept.
 * Non-blocking: Quarkus REST runs no non-blocking filter ({@link MemoryAnswers}) after a blocking
 * one.
 */
@Provider
@PreMatching
@NonBlocking
public class DeleteAcceptFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.DELETE.equals(request.getMethod())) {
            request.getHeaders().remove(HttpHeaders.ACCEPT);
        }
    }
}
