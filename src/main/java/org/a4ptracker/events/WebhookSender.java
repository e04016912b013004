package org.a4ptracker.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * POSTs one signed delivery (Standard Webhooks headers, the CloudEvent as body) and tells how it
 * went. Redirects are not followed (a 3xx is a failure), the connection and the whole exchange have
 * short time limits, and at most {@link #KEPT} bytes of the answer are read.
 */
@ApplicationScoped
class WebhookSender {

    /** How much of an answer's body is read and kept in a delivery's {@code last_error}. */
    static final int KEPT = 200;

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    /** How a delivery went: the answer's status (null when none came), its time, why it failed. */
    record Attempt(Integer statusCode, long durationMs, String error) {
        boolean succeeded() {
            return error == null;
        }
    }

    private final WebhookTargets targets;
    private final Duration requestTimeout;
    private final HttpClient client;

    WebhookSender(
            WebhookTargets targets,
            @ConfigProperty(name = "a4p.webhooks.connect-timeout") Duration connectTimeout,
            @ConfigProperty(name = "a4p.webhooks.request-timeout") Duration requestTimeout) {
        this.targets = targets;
        this.requestTimeout = requestTimeout;
        this.client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(connectTimeout)
                        // The answer is handled on the client's own I/O thread (it only keeps a
                        // prefix of the body): no hand-over to a pool thread per delivery, which
                        // on a busy machine added milliseconds to each one, and a subscription's
                        // deliveries go one at a time.
                        .executor(Runnable::run)
                        .build();
    }

    /**
     * Sends {@code body} as message {@code id}; refuses a URL that now leads inside (no request).
     */
    Attempt send(String url, String secret, String id, String body) {
        long started = System.nanoTime();
        Optional<String> refused = targets.refusalBeforeSending(url);
        if (refused.isPresent()) {
            return new Attempt(null, 0, "Not sent: the URL " + refused.get() + ".");
        }
        URI target = URI.create(url);
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request =
                HttpRequest.newBuilder(target)
                        .timeout(requestTimeout)
                        .header("Content-Type", CONTENT_TYPE)
                        .header("User-Agent", "a4p-tracker-webhooks")
                        .header("webhook-id", id)
                        .header("webhook-timestamp", Long.toString(timestamp))
                        .header(
                                "webhook-signature",
                                WebhookSigner.signature(secret, id, timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build();
        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(request, info -> new Prefix());
        try {
            HttpResponse<String> response =
                    exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            long took = (System.nanoTime() - started) / 1_000_000L;
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Attempt(status, took, null);
            }
            String why =
                    status >= 300 && status < 400
                            ? "HTTP " + status + " (redirects are not followed)"
                            : "HTTP " + status;
            String text = response.body();
            return new Attempt(status, took, text.isEmpty() ? why : why + ": " + text);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return failed(started, "No answer within " + requestTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return failed(started, reason(e.getCause()));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return failed(started, "Interrupted while sending (the service is stopping)");
        }
    }

    private static Attempt failed(long started, String why) {
        return new Attempt(null, (System.nanoTime() - started) / 1_000_000L, why);
    }

    private String reason(Throwable failure) {
        if (failure instanceof HttpTimeoutException) {
            return "No answer within " + requestTimeout.toMillis() + " ms";
        }
        if (failure instanceof ConnectException) {
            return "Could not connect";
        }
        String message = failure == null ? null : failure.getMessage();
        return message == null || message.isBlank()
                ? "The connection failed"
                : "The connection failed: " + truncate(message);
    }

    private static String truncate(String text) {
        return text.length() <= KEPT ? text : text.substring(0, KEPT);
    }

    /**
     * Keeps the first {@link #KEPT} bytes of an answer's body and stops reading there, so an answer
     * of any size costs no more.
     */
    private static final class Prefix implements HttpResponse.BodySubscriber<String> {
        private final byte[] kept = new byte[KEPT];
        private int size;
        private final CompletableFuture<String> text = new CompletableFuture<>();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<String> getBody() {
            return text;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int n = Math.min(buffer.remaining(), KEPT - size);
                buffer.get(kept, size, n);
                size += n;
            }
            if (size == KEPT) {
                subscription.cancel();
                finish();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            finish();
        }

        @Override
        public void onComplete() {
            finish();
        }

        private void finish() {
            text.complete(new String(kept, 0, size, StandardCharsets.UTF_8));
        }
    }
}
