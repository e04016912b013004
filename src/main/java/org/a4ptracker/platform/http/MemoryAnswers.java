package org.a4ptracker.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Answers a read from memory on the I/O thread when the service behind it holds the record, so that
 * the request is never handed to a worker thread (on a cached mission GET that hand-over was the
 * largest single cost: bench/README.md, "Reads answered on the I/O thread"). It runs after
 * authentication, after the resource method's role check and after the subject rate limit; a read
 * that is not held goes on to its resource method as before, and so does one whose headers are
 * longer than the contract allows (the method's validation answers it). A body held in memory is
 * written to JSON once, on its first answer, and sent as those bytes until the service lets go of
 * it.
 */
@Singleton
public class MemoryAnswers {

    /**
     * One operation's answer from memory, declared as a bean of the resource's folder: {@code
     * answer} gives the response, or empty to let the resource method answer. It must not block.
     */
    public abstract static class MemoryAnswer {
        private final String operation;
        private final Function<ContainerRequestContext, Optional<Response>> answer;

        /** {@code operation}: the operationId in the contract (the generated method's name). */
        protected MemoryAnswer(
                String operation, Function<ContainerRequestContext, Optional<Response>> answer) {
            this.operation = operation;
            this.answer = answer;
        }
    }

    /** A path parameter of the request, as its resource method would receive it. */
    public static String pathParameter(ContainerRequestContext request, String name) {
        return request.getUriInfo().getPathParameters().getFirst(name);
    }

    /**
     * A UUID path parameter in its canonical form (in either case); empty for anything else, which
     * the resource method then reads (or refuses) as it always has.
     */
    public static Optional<UUID> uuidParameter(ContainerRequestContext request, String name) {
        String text = pathParameter(request, name);
        if (text == null) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Right after {@link SubjectRateLimit}: Quarkus REST runs the non-blocking filters before every
     * blocking one (an extension's included), and refuses to build otherwise.
     */
    static final int PRIORITY = SubjectRateLimit.PRIORITY + 1;

    private final Map<String, Function<ContainerRequestContext, Optional<Response>>> byOperation;
    private final Map<String, Map<String, Integer>> headerLimits = new ConcurrentHashMap<>();

    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private final ObjectMapper json;

    /**
     * Keyed by the held body itself (weakly, by identity): a body the service replaces or drops
     * takes its JSON with it at the next collection. Bodies are never changed once held.
     */
    private final Cache<Object, byte[]> written = Caffeine.newBuilder().weakKeys().build();

    MemoryAnswers(Instance<MemoryAnswer> answers, ObjectMapper json) {
        this.byOperation =
                answers.stream().collect(Collectors.toMap(a -> a.operation, a -> a.answer));
        this.json = json;
    }

    @ServerRequestFilter(nonBlocking = true, priority = PRIORITY)
    public Optional<Response> fromMemory(
            ContainerRequestContext request, SimpleResourceInfo resource) {
        String operation = resource.getMethodName();
        var answer = byOperation.get(operation);
        if (answer == null
                || !withinLimits(
                        request,
                        headerLimits.computeIfAbsent(
                                operation, op -> limitsOf(resource.getResourceClass(), op)))) {
            return Optional.empty();
        }
        return answer.apply(request).map(held -> writtenOnce(held, request));
    }

    /**
     * The answer with its body as the JSON written for that body before (or now, the first time),
     * when JSON is what the caller prefers; otherwise the writer negotiates as for any answer.
     */
    private Response writtenOnce(Response answer, ContainerRequestContext request) {
        Object body = answer.getEntity();
        if (body == null
                || answer.getMediaType() != null
                || !prefersJson(request.getAcceptableMediaTypes())) {
            return answer;
        }
        return Response.fromResponse(answer)
                .entity(written.get(body, this::write))
                .type(JSON)
                .build();
    }

    /**
     * Whether JSON is among the types the caller rates highest (the list comes sorted by rating),
     * which is when the writer would choose it, since every operation lists JSON first.
     */
    private static boolean prefersJson(List<MediaType> acceptable) {
        if (acceptable.isEmpty()) {
            return true;
        }
        String best = rating(acceptable.get(0));
        return acceptable.stream()
                .takeWhile(type -> rating(type).equals(best))
                .anyMatch(JSON::isCompatible);
    }

    private static String rating(MediaType type) {
        return type.getParameters().getOrDefault("q", "1");
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The longest value the contract allows for each header the operation reads: the {@code @Size}
     * of its parameter in the generated interface.
     */
    static Map<String, Integer> limitsOf(Class<?> resource, String operation) {
        Map<String, Integer> limits = new HashMap<>();
        for (Class<?> api : resource.getInterfaces()) {
            for (Method method : api.getMethods()) {
                if (!method.getName().equals(operation)) {
                    continue;
                }
                for (Parameter parameter : method.getParameters()) {
                    HeaderParam header = parameter.getAnnotation(HeaderParam.class);
                    Size size = parameter.getAnnotation(Size.class);
                    if (header != null && size != null) {
                        limits.put(header.value(), size.max());
                    }
                }
            }
        }
        return Map.copyOf(limits);
    }

    private static boolean withinLimits(
            ContainerRequestContext request, Map<String, Integer> limits) {
        for (Map.Entry<String, Integer> limit : limits.entrySet()) {
            List<String> values = request.getHeaders().get(limit.getKey());
            if (values != null
                    && values.stream().anyMatch(value -> value.length() > limit.getValue())) {
                return false;
            }
        }
        return true;
    }
}
