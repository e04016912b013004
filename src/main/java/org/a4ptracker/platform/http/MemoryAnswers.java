package org.a4ptracker.platform.http;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Answers a read from memory on the I/O thread when the service behind it holds the record, so that
 * the request is never handed to a worker thread (on a cached mission GET that hand-over was the
 * largest single cost: bench/README.md, "Reads answered on the I/O thread"). It runs after
 * authentication, after the resource method's role check and after the subject rate limit; a read
 * that is not held goes on to its resource method as before.
 */
@Singleton
public class MemoryAnswers {

    /** One operation's answer from memory. */
    public interface MemoryAnswer {
        /** The operationId of the contract it answers (the generated method's name). */
        String operation();

        /** The answer, or empty to let the resource method answer. Must not block. */
        Optional<Response> answer(ContainerRequestContext request);
    }

    /**
     * Right after {@link SubjectRateLimit}: Quarkus REST runs the non-blocking filters before every
     * blocking one (an extension's included), and refuses to build otherwise.
     */
    static final int PRIORITY = SubjectRateLimit.PRIORITY + 1;

    private final Map<String, MemoryAnswer> byOperation;

    MemoryAnswers(Instance<MemoryAnswer> answers) {
        this.byOperation =
                answers.stream()
                        .collect(Collectors.toMap(MemoryAnswer::operation, Function.identity()));
    }

    @ServerRequestFilter(nonBlocking = true, priority = PRIORITY)
    public Optional<Response> fromMemory(
            ContainerRequestContext request, SimpleResourceInfo resource) {
        MemoryAnswer answer = byOperation.get(resource.getMethodName());
        return answer == null ? Optional.empty() : answer.answer(request);
    }
}
