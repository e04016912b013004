package org.a4ptracker.platform.http.strictjson;

import static org.a4ptracker.platform.http.strictjson.BodySites.assertNamed;
import static org.a4ptracker.platform.http.strictjson.BodySites.json;
import static org.a4ptracker.platform.http.strictjson.BodySites.send;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.a4ptracker.platform.http.strictjson.BodySites.Site;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * No coercion: at every place of every request body, a value of another JSON type than the
 * contract's is a 400 naming its pointer. A string is not a number ({@code "48"}), a number is not
 * a string or a date ({@code 20240101}), {@code 1.5} and {@code 1.0} are not integers, a boolean is
 * not {@code "true"} or {@code 1}, a single value is not an array and an array is not a single
 * value; a string of format date holds a date, not a date-time or {@code "20240101"}.
 */
@QuarkusTest
class TypeCoercionTest {

    /** The detail every wrong-type answer starts with, per contract type. */
    private static final Map<String, String> EXPECTED =
            Map.of(
                    "string",
                    "must be a string",
                    "integer",
                    "must be an integer",
                    "number",
                    "must be a number",
                    "boolean",
                    "must be true or false",
                    "array",
                    "must be an array",
                    "object",
                    "must be an object");

    /** One value of the wrong type per site: what a careless client most often sends instead. */
    private static Object usualMistake(Site site) {
        String format = site.schema().getFormat();
        return switch (site.type()) {
            case "string" ->
                    "date".equals(format) ? 20240101 : "date-time".equals(format) ? 1700000000 : 48;
            case "integer", "number" -> "48";
            case "boolean" -> "true";
            case "array" -> BodySites.sample(site.schema().getItems());
            case "object" -> List.of(Map.of());
            default -> null;
        };
    }

    /** Other wrong types, sent for every scalar of a body at once. */
    private static Object otherMistake(Site site) {
        return switch (site.type()) {
            case "string" -> true;
            case "integer" -> 1.5;
            case "number" -> false;
            case "boolean" -> 1;
            default -> null;
        };
    }

    private static Object thirdMistake(Site site) {
        return switch (site.type()) {
            case "string" -> List.of("X");
            case "integer" -> 1.0;
            case "number" -> Map.of("value", 1);
            case "boolean" -> "false";
            default -> null;
        };
    }

    /**
     * The members of one object are all wrong together, and every one must be named in the same
     * answer.
     */
    @TestFactory
    Stream<DynamicTest> wrongTypeIsNamed() {
        List<Site> sites =
                BodySites.all().stream().filter(site -> usualMistake(site) != null).toList();
        return BodySites.bySharedObject(sites).entrySet().stream()
                .map(
                        group -> {
                            Object body =
                                    BodySites.bodyWith(
                                            group.getValue(), TypeCoercionTest::usualMistake);
                            Map<String, String> expected =
                                    group.getValue().stream()
                                            .collect(
                                                    Collectors.toMap(
                                                            Site::pointer,
                                                            site -> EXPECTED.get(site.type()),
                                                            (a, b) -> a,
                                                            LinkedHashMap::new));
                            return DynamicTest.dynamicTest(
                                    group.getKey()
                                            + " "
                                            + group.getValue().stream()
                                                    .map(
                                                            site ->
                                                                    site.type()
                                                                            + "="
                                                                            + json(
                                                                                    usualMistake(
                                                                                            site)))
                                                    .distinct()
                                                    .collect(Collectors.joining(", ")),
                                    () ->
                                            assertNamed(
                                                    send(
                                                            group.getValue().get(0).endpoint(),
                                                            json(body)),
                                                    expected));
                        });
    }

    /**
     * A date is a string holding a date, not a date-time or digits; a date-time has its time and
     * offset.
     */
    @TestFactory
    Stream<DynamicTest> dateStringsHoldDates() {
        List<Site> sites =
                BodySites.all().stream()
                        .filter(
                                site ->
                                        "string".equals(site.type())
                                                && ("date".equals(site.schema().getFormat())
                                                        || "date-time"
                                                                .equals(site.schema().getFormat())))
                        .toList();
        List<DynamicTest> tests = new ArrayList<>();
        for (boolean digits : List.of(false, true)) {
            Function<Site, Object> mistake =
                    site ->
                            digits
                                    ? "20240101"
                                    : "date".equals(site.schema().getFormat())
                                            ? "2024-01-01T00:00:00Z"
                                            : "2024-01-01";
            BodySites.bySharedObject(sites)
                    .forEach(
                            (key, group) -> {
                                Object body = BodySites.bodyWith(group, mistake);
                                Map<String, String> expected =
                                        group.stream()
                                                .collect(
                                                        Collectors.toMap(
                                                                Site::pointer,
                                                                site ->
                                                                        "date"
                                                                                        .equals(
                                                                                                site.schema()
                                                                                                        .getFormat())
                                                                                ? "must be a date between"
                                                                                : "must be a date-time",
                                                                (a, b) -> a,
                                                                LinkedHashMap::new));
                                tests.add(
                                        DynamicTest.dynamicTest(
                                                key + " = " + json(mistake.apply(group.get(0))),
                                                () ->
                                                        assertNamed(
                                                                send(
                                                                        group.get(0).endpoint(),
                                                                        json(body)),
                                                                expected)));
                            });
        }
        return tests.stream();
    }

    /**
     * Every scalar of a body (of one variant) wrong at once: every one is named in the same answer.
     */
    @TestFactory
    Stream<DynamicTest> everyWrongScalarOfABodyIsNamedAtOnce() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Function<Site, Object> mistake :
                List.<Function<Site, Object>>of(
                        TypeCoercionTest::otherMistake, TypeCoercionTest::thirdMistake)) {
            Map<String, List<Site>> byBody =
                    BodySites.all().stream()
                            .filter(site -> mistake.apply(site) != null)
                            .collect(
                                    Collectors.groupingBy(
                                            Site::bodyKey,
                                            LinkedHashMap::new,
                                            Collectors.toList()));
            byBody.forEach(
                    (key, sites) -> {
                        Object body = BodySites.bodyWith(sites, mistake);
                        Map<String, String> expected =
                                sites.stream()
                                        .collect(
                                                Collectors.toMap(
                                                        Site::pointer,
                                                        site -> EXPECTED.get(site.type()),
                                                        (a, b) -> a,
                                                        LinkedHashMap::new));
                        tests.add(
                                DynamicTest.dynamicTest(
                                        key
                                                + " with "
                                                + sites.size()
                                                + " scalars like "
                                                + json(mistake.apply(sites.get(0))),
                                        () ->
                                                assertNamed(
                                                        send(sites.get(0).endpoint(), json(body)),
                                                        expected)));
                    });
        }
        return tests.stream();
    }
}
