package org.a4ptracker.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks that run on every request before anything else, so that they cost next to nothing and
 * answer problem+json like every other error:
 *
 * <ul>
 *   <li>size limits: request line (414), headers (431) and declared body length (413; a chunked
 *       body is counted as it is read, by {@link BodyLimit}). The HTTP layer's own limits are set
 *       higher (application.properties) so that it hands such requests to the service instead of
 *       answering them with a bare status line;
 *   <li>a client address that failed authentication too often in the current window gets 429 before
 *       its token costs a signature check; every 401 to a request that presented a token counts as
 *       a failure.
 * </ul>
 */
@ApplicationScoped
public class RequestGuards {

    private final RateLimiter authFailures;
    private final int maxRequestLine;
    private final int maxHeader;
    private final int maxHeaders;
    private final long maxBody;

    RequestGuards(
            @ConfigProperty(name = "a4p.limits.request-line", defaultValue = "8192")
                    int maxRequestLine,
            @ConfigProperty(name = "a4p.limits.header", defaultValue = "8192") int maxHeader,
            @ConfigProperty(name = "a4p.limits.headers", defaultValue = "20480") int maxHeaders,
            @ConfigProperty(name = "a4p.limits.body") MemorySize maxBody,
            @ConfigProperty(name = "a4p.rate-limit.auth-failures.max", defaultValue = "50")
                    int maxFailures,
            @ConfigProperty(name = "a4p.rate-limit.auth-failures.window", defaultValue = "PT10S")
                    Duration window) {
        this.authFailures = new RateLimiter(maxFailures, window);
        this.maxRequestLine = maxRequestLine;
        this.maxHeader = maxHeader;
        this.maxHeaders = maxHeaders;
        this.maxBody = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        // Before Quarkus's own body-size route (order -2) and every filter.
        router.route().order(Integer.MIN_VALUE + 10).handler(this::guard);
    }

    private void guard(RoutingContext context) {
        HttpServerRequest request = context.request();
        String address =
                request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
        long blockedFor = authFailures.blockedFor(address);
        if (blockedFor > 0) {
            send(
                    context,
                    RateLimiter.tooMany(
                            "Too many failed authentications from this address", blockedFor));
            return;
        }
        int line = request.method().name().length() + request.uri().length() + 10;
        if (line > maxRequestLine) {
            send(
                    context,
                    new ProblemException(
                            414,
                            "/problems/uri-too-long",
                            "URI too long",
                            "The request line is longer than " + maxRequestLine + " bytes."));
            return;
        }
        long total = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            long size = header.getKey().length() + header.getValue().length() + 4;
            total += size;
            if (size > maxHeader || total > maxHeaders) {
                send(
                        context,
                        new ProblemException(
                                431,
                                "/problems/request-header-fields-too-large",
                                "Request header fields too large",
                                "A header is longer than "
                                        + maxHeader
                                        + " bytes, or all headers together longer than "
                                        + maxHeaders
                                        + " bytes."));
                return;
            }
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBody) {
            send(context, BodyLimit.tooLarge(maxBody));
            return;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            context.addHeadersEndHandler(
                    ignored -> {
                        if (context.response().getStatusCode() == 401) {
                            authFailures.record(address);
                        }
                    });
        }
        context.next();
    }

    /**
     * A Content-Length that is not a number is left to the codec; an absurd one is over any limit.
     */
    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return value.trim().chars().allMatch(Character::isDigit) ? Long.MAX_VALUE : -1;
        }
    }

    /**
     * Answers a problem from a Vert.x route, before JAX-RS (and its exception mappers) is reached:
     * the body {@link ProblemResponses} makes (these problems list no errors). Also used by {@link
     * ShutdownGate}.
     */
    static void send(RoutingContext context, ProblemException problem) {
        JsonObject json =
                JsonObject.mapFrom(
                        ProblemResponses.body(
                                problem.status(),
                                problem.type(),
                                problem.title(),
                                problem.getMessage(),
                                context.normalizedPath()));
        json.getMap().values().removeIf(Objects::isNull);
        String body = json.encode();
        context.request().resume();
        context.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.PROBLEM_JSON);
        problem.headers().forEach(context.response()::putHeader);
        context.response().end(body);
    }
}
