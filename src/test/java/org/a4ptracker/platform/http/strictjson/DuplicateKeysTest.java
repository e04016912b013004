package org.a4ptracker.platform.http.strictjson;

import static org.a4ptracker.platform.http.strictjson.BodySites.assertNamed;
import static org.a4ptracker.platform.http.strictjson.BodySites.json;
import static org.a4ptracker.platform.http.strictjson.BodySites.send;
import static org.a4ptracker.support.Problems.assertProblem;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * No duplicate keys: in every object of every request body (the body itself, nested objects,
 * objects in arrays), a key that appears twice is a 400 naming the pointer of the repeated member,
 * every repeated member at once; "last one wins" never stores a client's mistake.
 */
@QuarkusTest
class DuplicateKeysTest {

    private static final String HOLE = "__the_object_under_test__";

    @TestFactory
    Stream<DynamicTest> everyRepeatedKeyIsNamed() {
        return BodySites.all().stream()
                .filter(
                        site ->
                                "object".equals(site.type())
                                        || site.schema().getOneOf() != null
                                        || site.schema().getAnyOf() != null)
                .map(
                        site -> {
                            Map<String, Object> members = new LinkedHashMap<>();
                            if (site.schema().getProperties() != null
                                    && !site.schema().getProperties().isEmpty()) {
                                site.schema()
                                        .getProperties()
                                        .forEach(
                                                (name, property) ->
                                                        members.put(
                                                                name, BodySites.sample(property)));
                            } else {
                                members.put("member", "X");
                            }
                            List<String> text = new ArrayList<>();
                            Map<String, String> expected = new LinkedHashMap<>();
                            members.forEach(
                                    (name, value) -> {
                                        String member = json(name) + ":" + json(value);
                                        text.add(member);
                                        text.add(member);
                                        expected.put(
                                                site.pointer() + "/" + name,
                                                "appears more than once");
                                    });
                            String body =
                                    json(site.bodyWith(HOLE))
                                            .replace(
                                                    json(HOLE), "{" + String.join(",", text) + "}");
                            return DynamicTest.dynamicTest(
                                    site.label("with " + members.size() + " keys twice"),
                                    () -> assertNamed(send(site.endpoint(), body), expected));
                        });
    }

    /**
     * The same key twice, even with the same value, in the smallest body: still refused, not
     * merged.
     */
    @TestFactory
    Stream<DynamicTest> aRepeatedKeyIsNeverLastOneWins() {
        return BodySites.endpoints().stream()
                .map(
                        endpoint ->
                                DynamicTest.dynamicTest(
                                        endpoint + " {\"a\":1,\"a\":2}",
                                        () ->
                                                assertProblem(
                                                                send(endpoint, "{\"a\":1,\"a\":2}"),
                                                                400,
                                                                "/problems/validation-error")
                                                        .body(
                                                                "errors.size()",
                                                                org.hamcrest.Matchers.equalTo(1))
                                                        .body(
                                                                "errors[0].pointer",
                                                                org.hamcrest.Matchers.equalTo("/a"))
                                                        .body(
                                                                "errors[0].detail",
                                                                containsString("more than once"))));
    }
}
