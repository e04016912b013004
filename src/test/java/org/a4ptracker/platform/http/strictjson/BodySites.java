package org.a4ptracker.platform.http.strictjson;

import static org.a4ptracker.support.Problems.assertProblem;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.a4ptracker.support.Api;
import org.a4ptracker.support.DevTokens;

/**
 * Every place in every request body of the contract where a value goes: one {@link Site} per
 * operation with a body and per JSON pointer, found by walking the body schema ({@code $ref},
 * {@code allOf}, {@code oneOf}/{@code anyOf} with their discriminator, {@code items}) down to the
 * leaves. The strict-JSON tests turn each site into a hostile request.
 *
 * <p>A site's body is partial: only the members on the way to the site (plus the discriminator that
 * selects the variant the site belongs to). Bodies are read before the resource runs, so the path
 * parameters need only be well-formed (a seeded priority, an absent mission, random ids).
 */
final class BodySites {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DEPTH = 8;
    private static final OpenAPI CONTRACT = parse();

    /**
     * One token (valid for an hour) for the hundreds of requests: an admin who sees every mission.
     */
    private static final String ADMIN =
            DevTokens.mint("test-admin", List.of("admin"), List.of("*"), 3600);

    /**
     * One step from an object to a member ({@code name}) or from an array to its first item ({@code
     * name == null}); {@code shape} names the oneOf variant the object was read as ("" if none).
     */
    record Step(String name, Map<String, Object> siblings, String shape) {
        String token() {
            return name == null ? "0" : name.replace("~", "~0").replace("/", "~1");
        }
    }

    /** A body operation of the contract. */
    record Endpoint(
            String method, String path, String operationId, String mediaType, Schema<?> body) {
        String url() {
            // No record is touched: the body is read (and refused) before the resource runs, and
            // a body that passes meets a mission and ids that do not exist.
            String url = path.replace("{code}", "P5").replace("{acronym}", "ZZSTRICT");
            return url.replaceAll("\\{[a-z_]+_id}", UUID.randomUUID().toString());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * A place in a body: its pointer, its schema (resolved) and whether the contract lets it be
     * null.
     */
    record Site(Endpoint endpoint, List<Step> steps, Schema<?> schema, boolean nullable) {
        String pointer() {
            return steps.stream().map(step -> "/" + step.token()).collect(Collectors.joining());
        }

        String type() {
            return BodySites.type(schema);
        }

        /** The smallest body that carries {@code value} at this site. */
        Object bodyWith(Object value) {
            Object current = value;
            for (int i = steps.size() - 1; i >= 0; i--) {
                Step step = steps.get(i);
                if (step.name() == null) {
                    List<Object> list = new ArrayList<>();
                    list.add(current);
                    current = list;
                } else {
                    Map<String, Object> object = new LinkedHashMap<>(step.siblings());
                    object.put(step.name(), current);
                    current = object;
                }
            }
            return current;
        }

        /** Readable in a test report: {@code PATCH /missions/{acronym} /mandate/resolution}. */
        String label(String what) {
            return endpoint
                    + " "
                    + (steps.isEmpty() ? "(body)" : pointer())
                    + " "
                    + what
                    + (variant().isEmpty() ? "" : " (with " + variant() + ")");
        }

        /**
         * The discriminator members on the way to the site, which choose the oneOf variants it is
         * in.
         */
        Map<String, Object> variant() {
            Map<String, Object> variant = new LinkedHashMap<>();
            steps.forEach(step -> variant.putAll(step.siblings()));
            return variant;
        }

        /** The oneOf variants on the way to the site (also those without a discriminator). */
        String shapes() {
            return steps.stream()
                    .map(Step::shape)
                    .filter(shape -> !shape.isEmpty())
                    .collect(Collectors.joining(","));
        }

        /** Sites with the same key fit in one body: same endpoint, same variants. */
        String bodyKey() {
            return endpoint
                    + (variant().isEmpty() ? "" : " " + variant())
                    + (shapes().isEmpty() ? "" : " as " + shapes());
        }
    }

    private BodySites() {}

    /**
     * Sites that one request can carry together, each with its own mutation: the members of one
     * object (same endpoint, same variant, same parent), or else a site alone (the body itself, an
     * array item). Every site is in exactly one group.
     */
    static Map<String, List<Site>> bySharedObject(List<Site> sites) {
        Map<String, List<Site>> groups = new LinkedHashMap<>();
        for (Site site : sites) {
            boolean member =
                    !site.steps().isEmpty()
                            && site.steps().get(site.steps().size() - 1).name() != null;
            String key =
                    member
                            ? site.bodyKey()
                                    + " "
                                    + site.pointer().substring(0, site.pointer().lastIndexOf('/'))
                                    + "/*"
                            : site.label("");
            groups.computeIfAbsent(key.strip(), k -> new ArrayList<>()).add(site);
        }
        return groups;
    }

    /** One body carrying every site's own mutation. */
    static Object bodyWith(List<Site> sites, Function<Site, Object> mutation) {
        Object body = sites.get(0).bodyWith(mutation.apply(sites.get(0)));
        for (Site site : sites.subList(1, sites.size())) {
            body = merge(body, site.bodyWith(mutation.apply(site)));
        }
        return body;
    }

    /** Every operation with a request body. */
    static List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        CONTRACT.getPaths()
                .forEach(
                        (path, item) ->
                                item.readOperationsMap()
                                        .forEach(
                                                (method, operation) -> {
                                                    if (operation.getRequestBody() == null
                                                            || operation
                                                                            .getRequestBody()
                                                                            .getContent()
                                                                    == null) {
                                                        return;
                                                    }
                                                    Map.Entry<String, MediaType> content =
                                                            operation
                                                                    .getRequestBody()
                                                                    .getContent()
                                                                    .entrySet()
                                                                    .iterator()
                                                                    .next();
                                                    endpoints.add(
                                                            new Endpoint(
                                                                    method.name(),
                                                                    path,
                                                                    operation.getOperationId(),
                                                                    content.getKey(),
                                                                    content.getValue()
                                                                            .getSchema()));
                                                }));
        return endpoints;
    }

    /** Every site of every operation with a request body, the body itself first. */
    static List<Site> all() {
        List<Site> sites = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            walk(endpoint, endpoint.body(), List.of(), false, sites, 0);
        }
        return sites;
    }

    private static void walk(
            Endpoint endpoint,
            Schema<?> declared,
            List<Step> steps,
            boolean nullableRef,
            List<Site> sites,
            int depth) {
        Schema<?> schema = flatten(declared);
        sites.add(
                new Site(
                        endpoint,
                        steps,
                        schema,
                        nullableRef || Boolean.TRUE.equals(schema.getNullable())));
        if (depth >= MAX_DEPTH) {
            return;
        }
        List<Schema> variants = schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
        if (variants != null) {
            // the composed schema's own members (such as the discriminator), outside any variant
            walkMembers(endpoint, schema, steps, Map.of(), "", sites, depth);
            for (int i = 0; i < variants.size(); i++) {
                Schema<?> variant = variants.get(i);
                String shape =
                        variant.get$ref() != null
                                ? variant.get$ref()
                                        .substring(variant.get$ref().lastIndexOf('/') + 1)
                                : "variant " + (i + 1);
                walkMembers(
                        endpoint,
                        flatten(variant),
                        steps,
                        discriminatorFor(schema, variant),
                        shape,
                        sites,
                        depth);
            }
            return;
        }
        walkMembers(endpoint, schema, steps, Map.of(), "", sites, depth);
    }

    private static void walkMembers(
            Endpoint endpoint,
            Schema<?> schema,
            List<Step> steps,
            Map<String, Object> siblings,
            String shape,
            List<Site> sites,
            int depth) {
        if (schema.getProperties() != null) {
            // a variant's discriminator member is set by the variant itself (see siblings), not a
            // site
            schema.getProperties().entrySet().stream()
                    .filter(member -> !siblings.containsKey(member.getKey()))
                    .forEach(
                            member ->
                                    walk(
                                            endpoint,
                                            member.getValue(),
                                            append(
                                                    steps,
                                                    new Step(member.getKey(), siblings, shape)),
                                            Boolean.TRUE.equals(member.getValue().getNullable()),
                                            sites,
                                            depth + 1));
        }
        if (schema.getItems() != null) {
            walk(
                    endpoint,
                    schema.getItems(),
                    append(steps, new Step(null, Map.of(), "")),
                    Boolean.TRUE.equals(schema.getItems().getNullable()),
                    sites,
                    depth + 1);
        }
    }

    /** The member that makes a body take this variant of a discriminated oneOf, if there is one. */
    private static Map<String, Object> discriminatorFor(Schema<?> composed, Schema<?> variant) {
        if (composed.getDiscriminator() == null || variant.get$ref() == null) {
            return Map.of();
        }
        String property = composed.getDiscriminator().getPropertyName();
        String ref = variant.get$ref();
        Map<String, String> mapping = composed.getDiscriminator().getMapping();
        if (mapping != null) {
            for (Map.Entry<String, String> entry : mapping.entrySet()) {
                if (ref.equals(entry.getValue()) || ref.endsWith("/" + entry.getValue())) {
                    return Map.of(property, entry.getKey());
                }
            }
        }
        return Map.of(property, ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static List<Step> append(List<Step> steps, Step step) {
        List<Step> longer = new ArrayList<>(steps);
        longer.add(step);
        return List.copyOf(longer);
    }

    static Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        for (int i = 0; current != null && current.get$ref() != null && i < 32; i++) {
            String ref = current.get$ref();
            current =
                    CONTRACT.getComponents()
                            .getSchemas()
                            .get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current == null ? new Schema<>() : current;
    }

    /**
     * The schema with its allOf parts merged in (properties, type, items, additionalProperties).
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> flatten(Schema<?> declared) {
        Schema<?> schema = resolve(declared);
        if (schema.getAllOf() == null) {
            return schema;
        }
        Schema merged = new Schema<>();
        merged.setNullable(schema.getNullable());
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (Schema<?> part : schema.getAllOf()) {
            Schema<?> flat = flatten(part);
            if (flat.getProperties() != null) {
                properties.putAll(flat.getProperties());
            }
            if (merged.getType() == null) {
                merged.setType(flat.getType());
            }
            if (merged.getItems() == null) {
                merged.setItems(flat.getItems());
            }
            if (flat.getAdditionalProperties() != null) {
                merged.setAdditionalProperties(flat.getAdditionalProperties());
            }
            if (merged.getFormat() == null) {
                merged.setFormat(flat.getFormat());
            }
            if (merged.getEnum() == null && flat.getEnum() != null) {
                merged.setEnum(flat.getEnum());
            }
        }
        if (schema.getProperties() != null) {
            properties.putAll(schema.getProperties());
        }
        if (!properties.isEmpty()) {
            merged.setProperties(properties);
        }
        return merged;
    }

    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        if (schema.getProperties() != null || schema.getAdditionalProperties() != null) {
            return "object";
        }
        return schema.getItems() != null ? "array" : "";
    }

    /**
     * An object that lists its members and does not let others in (the service's reading of the
     * contract).
     */
    static boolean closed(Schema<?> schema) {
        Object additional = schema.getAdditionalProperties();
        if (additional == null) {
            return schema.getProperties() != null && !schema.getProperties().isEmpty();
        }
        return Boolean.FALSE.equals(additional);
    }

    /** A value of the right JSON type for a schema (not necessarily one the service accepts). */
    static Object sample(Schema<?> declared) {
        Schema<?> schema = flatten(declared);
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        return switch (type(schema)) {
            case "integer" -> 1;
            case "number" -> 1.5;
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> Map.of();
            default ->
                    "date".equals(schema.getFormat())
                            ? "2024-01-01"
                            : "date-time".equals(schema.getFormat())
                                    ? "2024-01-01T00:00:00Z"
                                    : "uuid".equals(schema.getFormat())
                                            ? UUID.randomUUID().toString()
                                            : "X";
        };
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a body that breaks the contract on purpose, as an admin who sees every mission. */
    static Response send(Endpoint endpoint, String body) {
        var request =
                Api.invalid()
                        .auth()
                        .oauth2(ADMIN)
                        .contentType(endpoint.mediaType() + "; charset=UTF-8")
                        .body(body);
        if (!"POST".equals(endpoint.method())) {
            request.header("If-Match", "\"0\"");
        }
        return request.request(endpoint.method(), endpoint.url());
    }

    /**
     * The answer is a 400 validation problem (application/problem+json, no leaks) whose errors[]
     * name every one of these pointers with a detail starting as given.
     */
    static void assertNamed(Response response, Map<String, String> detailByPointer) {
        assertProblem(response, 400, "/problems/validation-error")
                .body("errors", not(empty()))
                .body("detail", not(emptyOrNullString()));
        List<Map<String, Object>> errors = response.jsonPath().getList("errors");
        List<String> missing = new ArrayList<>();
        detailByPointer.forEach(
                (pointer, detail) -> {
                    boolean named =
                            errors.stream()
                                    .anyMatch(
                                            error ->
                                                    pointer.equals(error.get("pointer"))
                                                            && String.valueOf(error.get("detail"))
                                                                    .startsWith(detail));
                    if (!named) {
                        missing.add(pointer + " (" + detail + ")");
                    }
                });
        assertTrue(missing.isEmpty(), "not named: " + missing + " in " + response.asString());
    }

    /** The answer does not say that anything is wrong at this pointer (whatever else it says). */
    static void assertNotNamed(Response response, String pointer) {
        assertTrue(
                response.statusCode() < 500,
                "answered " + response.statusCode() + ": " + response.asString());
        List<String> pointers =
                response.statusCode() == 400
                        ? response.jsonPath().getList("errors.pointer")
                        : List.of();
        assertFalse(
                pointers != null && pointers.contains(pointer),
                "named " + pointer + ": " + response.asString());
    }

    /** Both bodies in one: objects merged member by member, first array items merged. */
    @SuppressWarnings("unchecked")
    static Object merge(Object a, Object b) {
        if (a instanceof Map<?, ?> left && b instanceof Map<?, ?> right) {
            Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) left);
            ((Map<String, Object>) right)
                    .forEach(
                            (key, value) ->
                                    merged.put(
                                            key,
                                            merged.containsKey(key)
                                                    ? merge(merged.get(key), value)
                                                    : value));
            return merged;
        }
        if (a instanceof List<?> left
                && b instanceof List<?> right
                && left.size() == 1
                && right.size() == 1) {
            List<Object> merged = new ArrayList<>();
            merged.add(merge(left.get(0), right.get(0)));
            return merged;
        }
        return b;
    }

    private static OpenAPI parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        OpenAPI api = new OpenAPIV3Parser().readContents(Api.spec(), null, options).getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException("openapi.yaml did not parse");
        }
        return api;
    }
}
