package org.a4ptracker.platform.http.strictjson;

import static org.a4ptracker.platform.http.strictjson.BodySites.assertNamed;
import static org.a4ptracker.platform.http.strictjson.BodySites.json;
import static org.a4ptracker.platform.http.strictjson.BodySites.send;

import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.a4ptracker.platform.http.strictjson.BodySites.Site;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * No member the contract does not list: in every closed object of every request body (the body
 * itself, nested objects, objects in arrays), an unknown member is a 400 naming its pointer.
 */
@QuarkusTest
class UnknownPropertiesTest {

    private static final String UNKNOWN = "unexpected_member";

    @TestFactory
    Stream<DynamicTest> unknownMemberIsNamed() {
        return closedObjects()
                .map(
                        site ->
                                DynamicTest.dynamicTest(
                                        site.label("+ " + UNKNOWN),
                                        () ->
                                                assertNamed(
                                                        send(
                                                                site.endpoint(),
                                                                json(
                                                                        site.bodyWith(
                                                                                Map.of(
                                                                                        UNKNOWN,
                                                                                        "x")))),
                                                        Map.of(
                                                                site.pointer() + "/" + UNKNOWN,
                                                                "is not a known property"))));
    }

    /**
     * An unknown member in every closed object of a body at once: every one is named in the same
     * answer.
     */
    @TestFactory
    Stream<DynamicTest> everyUnknownMemberOfABodyIsNamedAtOnce() {
        Map<String, List<Site>> byBody =
                closedObjects()
                        .collect(
                                Collectors.groupingBy(
                                        Site::bodyKey, LinkedHashMap::new, Collectors.toList()));
        return byBody.entrySet().stream()
                .map(
                        entry -> {
                            List<Site> sites = entry.getValue();
                            Object body = BodySites.bodyWith(sites, site -> Map.of(UNKNOWN, "x"));
                            Map<String, String> expected =
                                    sites.stream()
                                            .collect(
                                                    Collectors.toMap(
                                                            site -> site.pointer() + "/" + UNKNOWN,
                                                            site -> "is not a known property",
                                                            (a, b) -> a,
                                                            LinkedHashMap::new));
                            return DynamicTest.dynamicTest(
                                    entry.getKey() + " with " + sites.size() + " unknown members",
                                    () ->
                                            assertNamed(
                                                    send(sites.get(0).endpoint(), json(body)),
                                                    expected));
                        });
    }

    private static Stream<Site> closedObjects() {
        return BodySites.all().stream()
                .filter(site -> "object".equals(site.type()) && BodySites.closed(site.schema()));
    }
}
