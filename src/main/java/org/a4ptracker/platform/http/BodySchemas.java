package org.a4ptracker.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.a4ptracker.api.model.ProblemError;
import org.a4ptracker.platform.persistence.StorableValues;

/**
 * The check of a JSON document against a request body schema of the contract ({@link Contract}), by
 * its <em>shape</em>: JSON types exactly as declared (no coercion), {@code null} only where {@code
 * nullable: true}, no unknown properties, integers within their {@code format}, and strings of
 * {@code format} date or date-time that are one. Other rules on values (lengths, patterns, enums,
 * ranges) are left to bean validation.
 *
 * <p>Reads the schema language generically: {@code $ref}, {@code allOf}, {@code oneOf}/{@code
 * anyOf} (with a {@code discriminator} when there is one), {@code nullable}, {@code
 * additionalProperties} and {@code items}. An object schema that lists its {@code properties}
 * accepts no others unless {@code additionalProperties} says so; one that lists none is open unless
 * {@code additionalProperties: false}.
 */
final class BodySchemas {

    private static final String UNKNOWN = "is not a known property";

    private BodySchemas() {}

    /**
     * Every violation of the schema's shape in {@code value}, in document order; empty when it
     * conforms.
     */
    static List<ProblemError> violations(JsonNode value, JsonNode schema) {
        List<ProblemError> errors = new ArrayList<>();
        check(value, schema, "", errors);
        return errors;
    }

    private static void check(
            JsonNode value, JsonNode declared, String pointer, List<ProblemError> errors) {
        JsonNode schema = Contract.flatten(declared);
        if (value.isNull()) {
            if (!Contract.nullable(declared) && !Contract.nullable(schema)) {
                errors.add(ProblemException.fieldError(pointer, "must not be null"));
            }
            return;
        }
        JsonNode variants = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
        if (variants != null && variants.isArray() && !variants.isEmpty()) {
            checkVariants(value, schema, variants, pointer, errors);
            return;
        }
        switch (type(schema)) {
            case "object" -> {
                if (value.isObject()) {
                    checkObject(value, schema, pointer, errors);
                } else {
                    errors.add(ProblemException.fieldError(pointer, "must be an object"));
                }
            }
            case "array" -> {
                if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        check(value.get(i), schema.path("items"), pointer + "/" + i, errors);
                    }
                } else {
                    errors.add(ProblemException.fieldError(pointer, "must be an array"));
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    errors.add(ProblemException.fieldError(pointer, "must be a string"));
                } else if ("date".equals(schema.path("format").asText())
                        && StorableValues.parseDate(value.asText()) == null) {
                    errors.add(ProblemException.fieldError(pointer, StorableValues.DATE_RANGE));
                } else if ("date-time".equals(schema.path("format").asText())
                        && StrictParams.parseDateTime(value.asText()) == null) {
                    errors.add(ProblemException.fieldError(pointer, StrictParams.DATE_TIME));
                }
            }
            case "number" -> expect(value.isNumber(), "must be a number", pointer, errors);
            case "boolean" -> expect(value.isBoolean(), "must be true or false", pointer, errors);
            case "integer" -> {
                // 1.0 and 1e2 are not integers here: the contract's integers are written as
                // integers.
                String format = schema.path("format").asText();
                if (!value.isIntegralNumber()) {
                    errors.add(ProblemException.fieldError(pointer, "must be an integer"));
                } else if ("int32".equals(format) && !value.canConvertToInt()) {
                    errors.add(
                            ProblemException.fieldError(
                                    pointer,
                                    "must be an integer between "
                                            + Integer.MIN_VALUE
                                            + " and "
                                            + Integer.MAX_VALUE));
                } else if ("int64".equals(format) && !value.canConvertToLong()) {
                    errors.add(
                            ProblemException.fieldError(
                                    pointer,
                                    "must be an integer between "
                                            + Long.MIN_VALUE
                                            + " and "
                                            + Long.MAX_VALUE));
                }
            }
            default -> {
                // no type: any JSON value but null
            }
        }
    }

    private static void checkObject(
            JsonNode value, JsonNode schema, String pointer, List<ProblemError> errors) {
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean closed =
                additional == null
                        ? !properties.isEmpty()
                        : additional.isBoolean() && !additional.asBoolean();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            JsonNode property = properties.get(field.getKey());
            if (property != null) {
                check(field.getValue(), property, at, errors);
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, at, errors);
            } else if (closed) {
                errors.add(ProblemException.fieldError(at, UNKNOWN));
            }
        }
    }

    /**
     * The variant the discriminator names, else the first that fits, else the closest one's
     * violations.
     */
    private static void checkVariants(
            JsonNode value,
            JsonNode schema,
            JsonNode variants,
            String pointer,
            List<ProblemError> errors) {
        String property = schema.path("discriminator").path("propertyName").asText(null);
        if (property != null && !value.path(property).isTextual()) {
            // no variant can be chosen: name the discriminator, then report against the closest
            // variant
            errors.add(
                    ProblemException.fieldError(
                            pointer + "/" + property,
                            value.path(property).isMissingNode() || value.path(property).isNull()
                                    ? "must not be null"
                                    : "must be a string"));
        }
        if (property != null && value.path(property).isTextual()) {
            String tag = value.get(property).asText();
            String ref = schema.path("discriminator").path("mapping").path(tag).asText(null);
            for (JsonNode variant : variants) {
                String variantRef = variant.path("$ref").asText("");
                if (ref != null
                        ? variantRef.equals(ref) || variantRef.equals("#/components/schemas/" + ref)
                        : variantRef.endsWith("/" + tag)) {
                    check(value, variant, pointer, errors);
                    return;
                }
            }
        }
        List<ProblemError> closest = null;
        for (JsonNode variant : variants) {
            List<ProblemError> found = new ArrayList<>();
            check(value, variant, pointer, found);
            if (found.isEmpty()) {
                return;
            }
            if (closest == null || fit(found, pointer) < fit(closest, pointer)) {
                closest = found;
            }
        }
        String discriminator = pointer + "/" + property;
        boolean named =
                property != null
                        && errors.stream().anyMatch(e -> discriminator.equals(e.getPointer()));
        closest.stream()
                .filter(e -> !(named && discriminator.equals(e.getPointer())))
                .forEach(errors::add);
    }

    /**
     * How badly a variant fits, lower is better: a member the variant itself does not know weighs
     * more than anything deeper in the body, so a body is judged against the shape whose members it
     * uses (and a wrong value deep inside one of them is reported as such).
     */
    private static long fit(List<ProblemError> found, String pointer) {
        long unknownMembers =
                found.stream()
                        .filter(
                                e ->
                                        UNKNOWN.equals(e.getDetail())
                                                && e.getPointer() != null
                                                && e.getPointer().lastIndexOf('/')
                                                        == pointer.length())
                        .count();
        return unknownMembers * 1_000_000L + found.size();
    }

    private static void expect(
            boolean ok, String detail, String pointer, List<ProblemError> errors) {
        if (!ok) {
            errors.add(ProblemException.fieldError(pointer, detail));
        }
    }

    private static String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        return schema.has("items") ? "array" : "";
    }
}
