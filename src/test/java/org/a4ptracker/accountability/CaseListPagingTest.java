package org.a4ptracker.accountability;

import static org.a4ptracker.support.Api.asIn;
import static org.a4ptracker.support.Cases.create;
import static org.a4ptracker.support.Cases.crime;
import static org.a4ptracker.support.Cases.investigation;
import static org.a4ptracker.support.Cases.pipeline;
import static org.a4ptracker.support.Cases.sea;
import static org.a4ptracker.support.Fixtures.createMission;
import static org.a4ptracker.support.Paging.ids;
import static org.a4ptracker.support.Paging.sameAtEveryLimit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The case list read with every page size, under every filter: each case once, newest report first,
 * then by id, whatever the size of the pages (and several cases share a report date).
 */
@QuarkusTest
class CaseListPagingTest {

    @Test
    void everyLimitGivesEveryCaseOnceInOrder() {
        String mission = createMission("2015-01-01");
        String recent = LocalDate.now(ZoneOffset.UTC).minusDays(10).toString();
        String a = create(withInvestigation(sea(mission, "2021-05-05"), "2021-05-06", null));
        String b = create(sea(mission, "2021-05-05"));
        String c = create(crime(mission, "2021-05-05", pipeline(1, 0, 0, 0, 0, 0)));
        String d = create(withInvestigation(sea(mission, "2021-05-04"), "2021-05-04", null));
        String e =
                create(withInvestigation(sea(mission, "2021-05-04"), "2021-05-04", "2021-06-01"));
        String f = create(crime(mission, "2020-01-01", pipeline(1, 1, 0, 0, 0, 0)));
        String g = create(withInvestigation(sea(mission, "2022-02-02"), recent, null));
        String h = create(withInvestigation(sea(mission, "2019-12-31"), "2020-01-01", null));

        String cases = "/accountability-cases?mission=" + mission;
        List<Map<String, Object>> all = read(mission, cases);
        assertEquals(8, all.size());
        assertEquals(
                List.copyOf(
                        all.stream()
                                .sorted(
                                        Comparator.comparing(
                                                        (Map<String, Object> i) ->
                                                                (String) i.get("reported_on"))
                                                .reversed()
                                                .thenComparing(i -> (String) i.get("id")))
                                .toList()),
                all,
                "newest report first, then by id");

        assertEquals(
                List.of(g, a, b, c, d, e, f, h).stream().sorted().toList(),
                ids(all).stream().map(String.class::cast).sorted().toList());
        assertEquals(List.of(a, d, h), ids(read(mission, cases + "&overdue=true")));
        assertEquals(
                ids(all.stream().filter(i -> Boolean.TRUE.equals(i.get("overdue"))).toList()),
                ids(read(mission, cases + "&overdue=true")));
        assertEquals(
                ids(all.stream().filter(i -> Boolean.FALSE.equals(i.get("overdue"))).toList()),
                ids(read(mission, cases + "&overdue=false")));
        assertEquals(
                ids(all.stream().filter(i -> "sea".equals(i.get("category"))).toList()),
                ids(read(mission, cases + "&category=sea")));
        assertEquals(List.of(c, f), ids(read(mission, cases + "&kind=crime_against_peacekeepers")));
        assertEquals(
                ids(
                        all.stream()
                                .filter(
                                        i ->
                                                List.of("2021-05-05", "2021-05-04", "2020-01-01")
                                                        .contains(i.get("reported_on")))
                                .toList()),
                ids(read(mission, cases + "&reported_from=2020-01-01&reported_to=2021-05-05")));
        assertEquals(ids(all), ids(read(mission, cases + "&reference=" + mission)));
        assertEquals(ids(all), ids(read(mission, "/accountability-cases")), "the token's scope");
    }

    /** The list read with every limit, by a reader of the mission only. */
    private static List<Map<String, Object>> read(String mission, String path) {
        return sameAtEveryLimit(() -> asIn(List.of(mission), "reader"), path);
    }

    private static Map<String, Object> withInvestigation(
            Map<String, Object> body, String openedOn, String completedOn) {
        @SuppressWarnings("unchecked")
        Map<String, Object> misconduct = (Map<String, Object>) body.get("misconduct");
        misconduct.put("investigations", List.of(investigation("oios", openedOn, completedOn)));
        return body;
    }
}
