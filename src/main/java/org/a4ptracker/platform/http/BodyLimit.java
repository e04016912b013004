package org.a4ptracker.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Counts the bytes of a body as it is read and stops at {@code a4p.limits.body} with a 413 problem:
 * a chunked body declares no length for {@link RequestGuards} to check up front.
 */
@Provider
@Priority(
        Priorities.ENTITY_CODER
                - 2000) // outermost: every other reader (StrictJson) reads through the count
public class BodyLimit implements ReaderInterceptor {

    private final long max;

    BodyLimit(@ConfigProperty(name = "a4p.limits.body") MemorySize max) {
        this.max = max.asLongValue();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Counted(context.getInputStream(), max));
        return context.proceed();
    }

    private static final class Counted extends FilterInputStream {
        private final long max;
        private long read;

        Counted(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(max);
            }
        }
    }

    /**
     * An I/O failure, so that the JSON reader passes it on instead of reporting a malformed body.
     */
    static final class TooLarge extends IOException {
        private final long max;

        TooLarge(long max) {
            super("body over " + max + " bytes", null);
            this.max = max;
        }
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLarge e, UriInfo uri) {
        return ProblemResponses.of(tooLarge(e.max), uri);
    }

    /**
     * 413, whether the declared length ({@link RequestGuards}) or the bytes read are over the
     * limit.
     */
    static ProblemException tooLarge(long max) {
        return new ProblemException(
                413,
                "/problems/payload-too-large",
                "Payload too large",
                "The request body is larger than " + max + " bytes.",
                null,
                null,
                Map.of("Connection", "close"));
    }
}
