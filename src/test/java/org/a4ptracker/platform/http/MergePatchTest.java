package org.a4ptracker.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * JSON merge patch (RFC 7396): {@code null} removes a member, objects merge member by member,
 * arrays and other values replace; the result is read and validated like a PUT body. A plain unit
 * test: a plain ObjectMapper and the default Validator, no service.
 */
class MergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final MergePatch PATCH = new MergePatch(JSON, VALIDATION.getValidator());

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    /**
     * A replacement model like the generated ones: a required name, an optional note, a nested
     * object, a list.
     */
    public static class Thing {
        @NotNull
        @Size(max = 10)
        public String name;

        public String note;
        @Valid public Place place;
        public List<String> tags;
    }

    public static class Place {
        @NotNull public String city;
        public String street;
    }

    private static JsonNode json(String text) throws JsonProcessingException {
        return JSON.readTree(text);
    }

    private static Thing thing() {
        Thing thing = new Thing();
        thing.name = "first";
        thing.note = "a note";
        thing.place = new Place();
        thing.place.city = "Juba";
        thing.place.street = "Airport Road";
        thing.tags = List.of("a", "b");
        return thing;
    }

    @Test
    void nullRemovesAMember() throws JsonProcessingException {
        assertEquals(
                json("{\"a\": 1}"),
                MergePatch.merge(json("{\"a\": 1, \"b\": 2}"), json("{\"b\": null}")));
        assertEquals(
                json("{\"a\": 1}"),
                MergePatch.merge(json("{\"a\": 1}"), json("{\"absent\": null}")));
    }

    @Test
    void membersArePatchedOneByOneAndTheOthersKept() throws JsonProcessingException {
        assertEquals(
                json("{\"a\": \"z\", \"b\": 2, \"c\": 3}"),
                MergePatch.merge(
                        json("{\"a\": \"x\", \"b\": 2}"), json("{\"a\": \"z\", \"c\": 3}")));
    }

    @Test
    void nestedObjectsMergeAtEveryDepth() throws JsonProcessingException {
        JsonNode target =
                json(
                        "{\"o\": {\"keep\": 1, \"change\": 2, \"drop\": 3, \"deep\": {\"x\": 1, \"y\": 2}}}");
        JsonNode patch =
                json(
                        "{\"o\": {\"change\": 20, \"drop\": null, \"added\": 4, \"deep\": {\"y\": null}}}");
        assertEquals(
                json("{\"o\": {\"keep\": 1, \"change\": 20, \"added\": 4, \"deep\": {\"x\": 1}}}"),
                MergePatch.merge(target, patch));
    }

    @Test
    void arraysAndOtherValuesReplaceWhole() throws JsonProcessingException {
        assertEquals(
                json("{\"list\": [3]}"),
                MergePatch.merge(json("{\"list\": [1, 2]}"), json("{\"list\": [3]}")));
        // an object in an array is not merged either
        assertEquals(
                json("{\"list\": [{\"b\": 2}]}"),
                MergePatch.merge(
                        json("{\"list\": [{\"a\": 1}]}"), json("{\"list\": [{\"b\": 2}]}")));
        assertEquals(
                json("{\"o\": \"text\"}"),
                MergePatch.merge(json("{\"o\": {\"a\": 1}}"), json("{\"o\": \"text\"}")));
        // an object patched onto a non-object starts from an empty one, and nulls inside it are
        // dropped
        assertEquals(
                json("{\"o\": {\"a\": 1}}"),
                MergePatch.merge(json("{\"o\": [1]}"), json("{\"o\": {\"a\": 1, \"b\": null}}")));
    }

    @Test
    void theTargetIsNotChanged() throws JsonProcessingException {
        JsonNode target = json("{\"o\": {\"a\": 1}}");
        JsonNode merged = MergePatch.merge(target, json("{\"o\": {\"a\": 2}}"));
        assertEquals(json("{\"o\": {\"a\": 1}}"), target);
        assertNotSame(target, merged);
    }

    @Test
    void applyMergesIntoTheCurrentModel() throws JsonProcessingException {
        Thing patched =
                PATCH.apply(
                        thing(),
                        json("{\"note\": null, \"place\": {\"street\": null}, \"tags\": [\"c\"]}"),
                        Thing.class);
        assertEquals("first", patched.name);
        assertNull(patched.note);
        assertEquals("Juba", patched.place.city);
        assertNull(patched.place.street);
        assertEquals(List.of("c"), patched.tags);
    }

    @Test
    void anEmptyPatchChangesNothing() throws JsonProcessingException {
        Thing patched = PATCH.apply(thing(), json("{}"), Thing.class);
        assertEquals(JSON.valueToTree(thing()), JSON.valueToTree(patched));
    }

    @Test
    void aPatchThatIsNotAnObjectIsA400() throws JsonProcessingException {
        for (String patch : List.of("[]", "\"text\"", "1", "null")) {
            ProblemException problem =
                    assertThrows(
                            ProblemException.class,
                            () -> PATCH.apply(thing(), json(patch), Thing.class));
            assertEquals(400, problem.status());
            assertEquals("", problem.errors().get(0).getPointer());
            assertEquals("must be a JSON object", problem.errors().get(0).getDetail());
        }
        assertThrows(ProblemException.class, () -> PATCH.apply(thing(), null, Thing.class));
    }

    @Test
    void theResultIsValidatedLikeAPutBody() throws JsonProcessingException {
        ConstraintViolationException removedRequired =
                assertThrows(
                        ConstraintViolationException.class,
                        () -> PATCH.apply(thing(), json("{\"name\": null}"), Thing.class));
        assertEquals(List.of("name"), paths(removedRequired));
        ConstraintViolationException nested =
                assertThrows(
                        ConstraintViolationException.class,
                        () ->
                                PATCH.apply(
                                        thing(),
                                        json(
                                                "{\"place\": {\"city\": null}, \"name\": \"far too long a name\"}"),
                                        Thing.class));
        assertEquals(List.of("name", "place.city"), paths(nested));
    }

    @Test
    void aValueOfTheWrongShapeIsA400WithItsPointer() throws JsonProcessingException {
        ProblemException wrongType =
                assertThrows(
                        ProblemException.class,
                        () ->
                                PATCH.apply(
                                        thing(),
                                        json("{\"place\": {\"city\": {\"name\": \"Juba\"}}}"),
                                        Thing.class));
        assertEquals(400, wrongType.status());
        assertEquals("/place/city", wrongType.errors().get(0).getPointer());
        assertEquals("must be a string", wrongType.errors().get(0).getDetail());
        ProblemException unknown =
                assertThrows(
                        ProblemException.class,
                        () -> PATCH.apply(thing(), json("{\"colour\": \"red\"}"), Thing.class));
        assertEquals("/colour", unknown.errors().get(0).getPointer());
        assertEquals("is not a known property", unknown.errors().get(0).getDetail());
    }

    private static List<String> paths(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .sorted()
                .toList();
    }
}
