package org.a4ptracker.platform.http;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One log line per request, written when its answer has been sent: method, route template (the path
 * when no route matched), status, duration in milliseconds and the caller's token subject; the
 * trace id is the line's {@code traceId} (MDC), as on every line logged for the request. Never the
 * query string, a header, a body or a token: a query may carry search text about people, and a path
 * template hides the ids. Health probes and metric scrapes are not logged. Switched off with {@code
 * a4p.access-log.enabled=false}.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger(AccessLog.class);

    /**
     * Where Quarkus REST leaves the matched route template (it feeds the metrics' {@code uri} tag).
     */
    private static final String ROUTE_TEMPLATE = "UrlPathTemplate";

    private static final int MAX_PATH = 200;

    private final boolean enabled;

    AccessLog(@ConfigProperty(name = "a4p.access-log.enabled", defaultValue = "true") boolean on) {
        this.enabled = on;
    }

    void install(@Observes Router router) {
        if (enabled) {
            // First of all routes, so that the answers of the guards and of the shutdown gate count
            // too.
            router.route().order(Integer.MIN_VALUE).handler(this::observe);
        }
    }

    private void observe(RoutingContext context) {
        String path = context.request().path();
        if (path != null && !path.startsWith("/q/health") && !path.startsWith("/q/metrics")) {
            long start = System.nanoTime();
            String traceId = ProblemResponses.traceId();
            context.addEndHandler(sent -> write(context, start, traceId, sent.succeeded()));
        }
        context.next();
    }

    private static void write(RoutingContext context, long start, String traceId, boolean sent) {
        HttpServerRequest request = context.request();
        Object template = ((HttpServerRequestInternal) request).context().getLocal(ROUTE_TEMPLATE);
        String route = template instanceof String t && !t.isEmpty() ? t : shortened(request.path());
        String subject =
                context.user() instanceof QuarkusHttpUser user
                                && !user.getSecurityIdentity().isAnonymous()
                        ? printable(user.getSecurityIdentity().getPrincipal().getName())
                        : "-";
        // The request's trace, whichever thread ends the answer.
        Object outer = traceId == null ? null : MDC.put("traceId", traceId);
        try {
            // Built by hand: a format string would be parsed again on every request.
            StringBuilder line = new StringBuilder(96);
            line.append(request.method().name()).append(' ').append(route).append(' ');
            line.append(context.response().getStatusCode());
            if (!sent) {
                line.append(" (connection closed before the answer was complete)");
            }
            line.append(' ').append((System.nanoTime() - start) / 1_000_000).append(" ms subject=");
            LOG.info(line.append(subject).toString());
        } finally {
            if (traceId != null) {
                if (outer == null) {
                    MDC.remove("traceId");
                } else {
                    MDC.put("traceId", outer);
                }
            }
        }
    }

    /** A path no route matched, as the caller sent it (up to 8 KiB): its start is enough. */
    private static String shortened(String path) {
        return path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "...";
    }

    /** A subject is the caller's own text: no line breaks or other control characters in a log. */
    private static String printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return text.replaceAll("\\p{Cntrl}", "?");
            }
        }
        return text;
    }
}
