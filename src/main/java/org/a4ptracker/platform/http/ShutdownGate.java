package org.a4ptracker.platform.http;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The HTTP side of a graceful shutdown. On SIGTERM Quarkus first turns readiness DOWN and keeps
 * serving for {@code quarkus.shutdown.delay} (load balancers stop sending meanwhile); then it waits
 * up to {@code quarkus.shutdown.timeout} for the requests in flight before closing the HTTP server
 * and, after it, the connection pool. Quarkus would go on serving new requests during that wait, so
 * a steady stream of them could keep it busy until the timeout cut whatever was in flight. Once the
 * delay is over, this gate answers every new request at once with a 503 problem (nothing was done;
 * {@code Retry-After}; the connection is closed), so only the requests already started remain and
 * the drain ends as soon as they have their answers.
 */
@ApplicationScoped
public class ShutdownGate {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);

    private static final long BODY_WAIT_MILLIS = 1_000;

    private final Duration delay;

    /** When new requests start being refused, in System.nanoTime(); 0 while running normally. */
    private volatile long closesAt;

    ShutdownGate(@ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> delay) {
        this.delay = delay.orElse(Duration.ZERO);
    }

    void shutdownStarts(@Observes ShutdownDelayInitiatedEvent event) {
        long at = System.nanoTime() + delay.toNanos();
        closesAt = at == 0 ? 1 : at;
        LOG.infof(
                "Shutting down: readiness is DOWN; new requests are refused with 503 after %d ms",
                delay.toMillis());
    }

    boolean refusing() {
        long at = closesAt;
        return at != 0 && System.nanoTime() - at >= 0;
    }

    void install(@Observes Router router) {
        router.route()
                .order(Integer.MIN_VALUE + 1)
                .handler(
                        context -> {
                            if (!refusing() || context.normalizedPath().startsWith("/q/health")) {
                                context.next();
                                return;
                            }
                            Runnable refuse =
                                    () -> {
                                        if (!context.response().ended()) {
                                            RequestGuards.send(
                                                    context,
                                                    ProblemException.serviceUnavailable(
                                                            "This instance is shutting down and did not start the request; retry after the "
                                                                    + "number of seconds in Retry-After.",
                                                            Map.of(
                                                                    "Retry-After",
                                                                    DatabaseUnavailable
                                                                            .RETRY_AFTER_SECONDS,
                                                                    "Connection",
                                                                    "close")));
                                        }
                                    };
                            // Answer once the client has sent its whole body (read and dropped, for
                            // at most a
                            // second): closing while it is still sending would reset the
                            // connection, and the client
                            // would lose the answer with it.
                            HttpServerRequest request = context.request();
                            if (request.isEnded()) {
                                refuse.run();
                                return;
                            }
                            long timer =
                                    context.vertx().setTimer(BODY_WAIT_MILLIS, id -> refuse.run());
                            request.handler(ignored -> {})
                                    .endHandler(
                                            ignored -> {
                                                context.vertx().cancelTimer(timer);
                                                refuse.run();
                                            });
                            request.resume();
                        });
    }
}
