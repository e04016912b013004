package org.a4ptracker.platform.http;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requests per token subject, off by default ({@code a4p.rate-limit.subject.max=0}): a deployment
 * that shares the service between many consumers switches it on. Counted after the token is
 * verified, so that a forged subject cannot use up somebody else's allowance.
 */
@Singleton
public class SubjectRateLimit {

    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identity;

    SubjectRateLimit(
            CurrentIdentityAssociation identity,
            @ConfigProperty(name = "a4p.rate-limit.subject.max", defaultValue = "0") int max,
            @ConfigProperty(name = "a4p.rate-limit.subject.window", defaultValue = "PT1S")
                    Duration window) {
        this.identity = identity;
        this.limiter = new RateLimiter(max, window);
    }

    /** Before any other filter (see {@link MemoryAnswers#PRIORITY}). */
    static final int PRIORITY = Integer.MIN_VALUE;

    /** Non-blocking, so that it also counts the reads {@link MemoryAnswers} answers. */
    @ServerRequestFilter(nonBlocking = true, priority = PRIORITY)
    public Uni<Response> limit() {
        if (!limiter.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity()
                .map(
                        caller -> {
                            if (caller.isAnonymous()) {
                                return null;
                            }
                            long blockedFor = limiter.record(caller.getPrincipal().getName());
                            if (blockedFor == 0) {
                                return null;
                            }
                            throw RateLimiter.tooMany(
                                    "Too many requests for this token's subject", blockedFor);
                        });
    }
}
