package org.a4ptracker.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The contract the service implements and serves ({@code META-INF/openapi.yaml}), read once, and
 * the reading of its schema language that the checks of requests share: {@code $ref} resolved,
 * {@code allOf} parts merged into one schema.
 */
final class Contract {

    /** The whole document; an empty object when the file is missing. */
    static final JsonNode TREE = load();

    /** operationId → media type → request body schema. */
    private static final Map<String, Map<String, JsonNode>> BODIES = bodies(TREE);

    private Contract() {}

    /**
     * The schema of an operation's request body in this media type, or {@code null} if the contract
     * has none.
     */
    static JsonNode requestBody(String operationId, String mediaType) {
        Map<String, JsonNode> content = BODIES.get(operationId);
        if (content == null) {
            return null;
        }
        JsonNode schema = content.get(mediaType);
        return schema != null || content.size() != 1 ? schema : content.values().iterator().next();
    }

    static boolean nullable(JsonNode schema) {
        return schema.path("nullable").asBoolean(false);
    }

    /** The schema with its {@code $ref} resolved and its {@code allOf} parts merged into one. */
    static JsonNode flatten(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        JsonNode parts = resolved.get("allOf");
        if (parts == null || !parts.isArray()) {
            return resolved;
        }
        ObjectNode merged = ((ObjectNode) resolved).deepCopy();
        merged.remove("allOf");
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        boolean everyPartNullable = true;
        for (JsonNode part : parts) {
            JsonNode flat = flatten(part);
            everyPartNullable &= nullable(flat);
            flat.fields()
                    .forEachRemaining(
                            field -> {
                                switch (field.getKey()) {
                                    case "properties" ->
                                            properties.setAll((ObjectNode) field.getValue());
                                    case "additionalProperties" -> {
                                        JsonNode current = merged.get("additionalProperties");
                                        if (current == null
                                                || current.isObject()
                                                || current.asBoolean(true)) {
                                            merged.set("additionalProperties", field.getValue());
                                        }
                                    }
                                    case "nullable" -> {
                                        // nullable when the schema itself says so, or when every
                                        // part does
                                    }
                                    default -> {
                                        if (!merged.has(field.getKey())) {
                                            merged.set(field.getKey(), field.getValue());
                                        }
                                    }
                                }
                            });
        }
        if (resolved.has("properties")) {
            properties.setAll((ObjectNode) resolved.get("properties"));
        }
        if (!properties.isEmpty()) {
            merged.set("properties", properties);
        }
        if (everyPartNullable && !parts.isEmpty()) {
            merged.put("nullable", true);
        }
        return merged;
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; current.has("$ref") && depth < 32; depth++) {
            String ref = current.get("$ref").asText();
            current =
                    ref.startsWith("#")
                            ? TREE.at(ref.substring(1))
                            : JsonNodeFactory.instance.objectNode();
        }
        return current.isMissingNode() ? JsonNodeFactory.instance.objectNode() : current;
    }

    private static Map<String, Map<String, JsonNode>> bodies(JsonNode contract) {
        Map<String, Map<String, JsonNode>> bodies = new HashMap<>();
        contract.path("paths")
                .forEach(
                        path ->
                                path.fields()
                                        .forEachRemaining(
                                                operation -> {
                                                    JsonNode body =
                                                            resolve(
                                                                    operation
                                                                            .getValue()
                                                                            .path("requestBody"));
                                                    String id =
                                                            operation
                                                                    .getValue()
                                                                    .path("operationId")
                                                                    .asText(null);
                                                    if (id == null || !body.has("content")) {
                                                        return;
                                                    }
                                                    Map<String, JsonNode> byMediaType =
                                                            new HashMap<>();
                                                    body.get("content")
                                                            .fields()
                                                            .forEachRemaining(
                                                                    content -> {
                                                                        if (content.getValue()
                                                                                .has("schema")) {
                                                                            byMediaType.put(
                                                                                    content
                                                                                            .getKey(),
                                                                                    content.getValue()
                                                                                            .get(
                                                                                                    "schema"));
                                                                        }
                                                                    });
                                                    bodies.put(id, byMediaType);
                                                }));
        return bodies;
    }

    private static JsonNode load() {
        try (InputStream in =
                Contract.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            return in == null
                    ? JsonNodeFactory.instance.objectNode()
                    : new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read META-INF/openapi.yaml", e);
        }
    }
}
