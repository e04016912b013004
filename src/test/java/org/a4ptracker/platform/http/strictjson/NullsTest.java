package org.a4ptracker.platform.http.strictjson;

import static org.a4ptracker.platform.http.strictjson.BodySites.assertNamed;
import static org.a4ptracker.platform.http.strictjson.BodySites.assertNotNamed;
import static org.a4ptracker.platform.http.strictjson.BodySites.json;
import static org.a4ptracker.platform.http.strictjson.BodySites.send;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.a4ptracker.platform.http.strictjson.BodySites.Site;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code null} only where the contract says {@code nullable}. At every place of every request body
 * (members of objects at any depth, items of arrays, the body itself) a {@code null} that the
 * schema does not allow is a 400 naming its pointer; the members of one object are all sent null
 * together, and every one of them must be named in the same answer. A {@code null} that the schema
 * allows (a merge patch clearing a member) is not refused for being null.
 */
@io.quarkus.test.junit.QuarkusTest
class NullsTest {

    @TestFactory
    Stream<DynamicTest> nullWhereNotNullableIsNamed() {
        List<Site> sites = BodySites.all().stream().filter(site -> !site.nullable()).toList();
        return BodySites.bySharedObject(sites).entrySet().stream()
                .map(
                        group -> {
                            Object body = BodySites.bodyWith(group.getValue(), site -> null);
                            Map<String, String> expected =
                                    group.getValue().stream()
                                            .collect(
                                                    Collectors.toMap(
                                                            Site::pointer,
                                                            site -> "must not be null",
                                                            (a, b) -> a,
                                                            LinkedHashMap::new));
                            return DynamicTest.dynamicTest(
                                    group.getKey() + " = null (" + expected.size() + ")",
                                    () ->
                                            assertNamed(
                                                    send(
                                                            group.getValue().get(0).endpoint(),
                                                            json(body)),
                                                    expected));
                        });
    }

    @TestFactory
    Stream<DynamicTest> nullWhereNullableIsAccepted() {
        return BodySites.all().stream()
                .filter(Site::nullable)
                .map(
                        site ->
                                DynamicTest.dynamicTest(
                                        site.label("= null (nullable)"),
                                        () ->
                                                assertNotNamed(
                                                        send(
                                                                site.endpoint(),
                                                                json(site.bodyWith(null))),
                                                        site.pointer())));
    }
}
