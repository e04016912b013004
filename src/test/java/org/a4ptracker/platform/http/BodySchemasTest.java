package org.a4ptracker.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema language the strict reading understands, on schemas the contract does not (yet) use:
 * allOf, oneOf with and without a discriminator, nullable wrappers, additionalProperties as a
 * schema, nullable items, escaped pointers. A plain unit test: no service needed.
 */
class BodySchemasTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> violations(String schemaYaml, String json)
            throws JsonProcessingException {
        JsonNode schema = YAML.readTree(schemaYaml);
        return BodySchemas.violations(JSON.readTree(json), schema).stream()
                .map(error -> error.getPointer() + " " + error.getDetail())
                .toList();
    }

    @Test
    void allOfPartsAreOneObject() throws JsonProcessingException {
        String schema =
                """
                allOf:
                  - type: object
                    additionalProperties: false
                    properties: {a: {type: integer}}
                  - properties: {b: {type: string}}
                """;
        assertEquals(List.of(), violations(schema, "{\"a\": 1, \"b\": \"x\"}"));
        assertEquals(
                List.of(
                        "/a must be an integer",
                        "/b must be a string",
                        "/c is not a known property"),
                violations(schema, "{\"a\": \"1\", \"b\": 2, \"c\": true}"));
    }

    @Test
    void oneOfWithoutDiscriminatorTakesAFittingVariantOrReportsTheClosest()
            throws JsonProcessingException {
        String schema =
                """
                oneOf:
                  - {type: object, properties: {x: {type: integer}, z: {type: boolean}}}
                  - {type: object, properties: {y: {type: string}}}
                """;
        assertEquals(List.of(), violations(schema, "{\"y\": \"s\"}"));
        assertEquals(
                List.of("/x must be an integer"),
                violations(schema, "{\"x\": \"1\", \"z\": true}"));
    }

    @Test
    void discriminatorChoosesTheVariantThroughItsMapping() throws JsonProcessingException {
        String schema =
                """
                oneOf:
                  - $ref: '#/components/schemas/Mandate'
                  - $ref: '#/components/schemas/LocalizedText'
                discriminator:
                  propertyName: kind
                  mapping: {mandate: '#/components/schemas/Mandate', text: LocalizedText}
                """;
        assertEquals(
                List.of("/kind is not a known property", "/en must be a string"),
                violations(schema, "{\"kind\": \"text\", \"en\": 1, \"fr\": \"b\"}"));
        assertEquals(
                List.of("/kind is not a known property", "/resolution must be an integer"),
                violations(schema, "{\"kind\": \"mandate\", \"resolution\": 1.0}"));
    }

    @Test
    void nullOnlyWhereNullable() throws JsonProcessingException {
        assertEquals(List.of(), violations("{nullable: true, allOf: [{type: object}]}", "null"));
        assertEquals(List.of(" must not be null"), violations("{allOf: [{type: object}]}", "null"));
        assertEquals(
                List.of(),
                violations(
                        "{type: array, items: {type: string, nullable: true}}", "[null, \"a\"]"));
        assertEquals(
                List.of("/1 must not be null"),
                violations("{type: array, items: {type: string}}", "[\"a\", null]"));
    }

    @Test
    void additionalPropertiesAsASchemaTypesEveryValue() throws JsonProcessingException {
        assertEquals(
                List.of("/k must be an integer"),
                violations(
                        "{type: object, additionalProperties: {type: integer}}",
                        "{\"j\": 1, \"k\": \"v\"}"));
        assertEquals(List.of(), violations("{type: object}", "{\"anything\": [1]}"));
        assertEquals(
                List.of("/a~1b~0c is not a known property"),
                violations("{type: object, properties: {a: {type: string}}}", "{\"a/b~c\": 1}"));
    }

    @Test
    void integersAreWrittenAsIntegersWithinTheirFormat() throws JsonProcessingException {
        String schema =
                "{type: object, properties: {i: {type: integer, format: int32}, l: {type: integer, format: int64}}}";
        assertEquals(
                List.of(), violations(schema, "{\"i\": 2147483647, \"l\": 9223372036854775807}"));
        assertEquals(
                List.of(
                        "/i must be an integer between -2147483648 and 2147483647",
                        "/l must be an integer between -9223372036854775808 and 9223372036854775807"),
                violations(schema, "{\"i\": 2147483648, \"l\": 9223372036854775808}"));
        assertEquals(
                List.of("/i must be an integer", "/l must be an integer"),
                violations(schema, "{\"i\": 1.0, \"l\": 1e2}"));
    }
}
