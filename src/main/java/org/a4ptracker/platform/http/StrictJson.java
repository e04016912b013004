package org.a4ptracker.platform.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.a4ptracker.api.model.ProblemError;

/**
 * Strict JSON request bodies: before a JSON body is bound, it is read as a tree and checked against
 * its operation's schema in the contract ({@link BodySchemas}). Duplicate keys, values of the wrong
 * JSON type, {@code null} where the schema is not {@code nullable} (in objects and in arrays) and
 * unknown properties are all reported together, as one 400 problem with a JSON pointer per
 * violation. Merge patches are checked against their patch schema, so {@code null} removes only
 * what the contract says is nullable.
 *
 * <p>The binding behind it is strict as well ({@link JsonCustomizer}), should a body reach it
 * unchecked.
 */
@Provider
public class StrictJson implements ReaderInterceptor {

    /** Only for finding duplicate keys: the mapper's own parser stops at the first one. */
    private static final JsonFactory TOKENS = new JsonFactory();

    @Context ResourceInfo resource;

    private final ObjectMapper json;

    StrictJson(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        JsonNode schema =
                type == null || resource == null || resource.getResourceMethod() == null
                        ? null
                        : Contract.requestBody(
                                resource.getResourceMethod().getName(),
                                type.getType() + "/" + type.getSubtype());
        if (schema == null) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(body));
        try {
            List<ProblemError> errors = duplicateKeys(body);
            JsonNode tree = errors.isEmpty() ? json.readTree(body) : null;
            if (tree != null && !tree.isMissingNode()) {
                errors.addAll(BodySchemas.violations(tree, schema));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        } catch (JsonProcessingException e) {
            throw JsonProblems.asProblem(e);
        }
        return context.proceed();
    }

    /** A pointer to every member whose key its object already has. */
    static List<ProblemError> duplicateKeys(byte[] body) throws IOException {
        List<ProblemError> errors = new ArrayList<>();
        Deque<Set<String>> objects = new ArrayDeque<>();
        try (JsonParser parser = TOKENS.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT) {
                    objects.push(new HashSet<>());
                } else if (token == JsonToken.END_OBJECT) {
                    objects.pop();
                } else if (token == JsonToken.FIELD_NAME
                        && !objects.peek().add(parser.currentName())) {
                    errors.add(
                            ProblemException.fieldError(
                                    parser.getParsingContext().pathAsPointer().toString(),
                                    "appears more than once in its object"));
                }
            }
        }
        return errors;
    }
}
