package org.a4ptracker.partnership;

import static org.a4ptracker.partnership.PartnershipFixtures.BASE;
import static org.a4ptracker.partnership.PartnershipFixtures.commitment;
import static org.a4ptracker.partnership.PartnershipFixtures.create;
import static org.a4ptracker.partnership.PartnershipFixtures.createPartnership;
import static org.a4ptracker.partnership.PartnershipFixtures.partnership;
import static org.a4ptracker.partnership.PartnershipFixtures.violation;
import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Fixtures.createMission;
import static org.a4ptracker.support.Fixtures.mission;
import static org.a4ptracker.support.Fixtures.newAcronym;
import static org.a4ptracker.support.Paging.ids;
import static org.a4ptracker.support.Paging.sameAtEveryLimit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The partnership lists read with every page size, under their filters: each item once, in the
 * list's order, whatever the size of the pages (with ties on the sort date, and commitments without
 * a due date).
 */
@QuarkusTest
class ListPagingTest {

    @Test
    void partnershipsOfAMissionAtEveryLimit() {
        String mission = newAcronym();
        var body = new HashMap<>(mission(mission, "2014-04-10"));
        body.put("host_countries", List.of("SSD", "CAF", "MLI", "COD"));
        as("admin").body(body).post("/missions").then().statusCode(201);
        for (String country : List.of("SSD", "CAF", "MLI", "COD")) {
            createPartnership(partnership(mission, country));
        }
        List<Map<String, Object>> all = read(BASE + "?mission=" + mission);
        assertEquals(
                List.of("CAF", "COD", "MLI", "SSD"),
                all.stream().map(p -> p.get("country_code")).toList());
        assertEquals(ids(all), ids(read(BASE + "?mission=" + mission + "&status=in_force")));
    }

    @Test
    void commitmentsAtEveryLimit() {
        String partnership = createPartnership(createMission("2014-04-10"));
        String path = partnership + "/commitments";
        for (String due : List.of("2021-01-01", "2021-01-01", "2021-01-01", "2021-06-30")) {
            create(partnership, "commitments", commitment("Past " + due, "planned", due));
        }
        create(
                partnership,
                "commitments",
                commitment("Past, in progress", "in_progress", "2021-06-30"));
        create(partnership, "commitments", commitment("Future", "planned", "2090-01-01"));
        create(partnership, "commitments", commitment("Undated", "planned", null));
        create(partnership, "commitments", commitment("Undated too", "in_progress", null));

        List<Map<String, Object>> all = read(path);
        assertEquals(8, all.size());
        assertEquals(
                all.stream()
                        .sorted(
                                Comparator.comparing(
                                                (Map<String, Object> c) ->
                                                        c.get("due_date") == null
                                                                ? "9999-12-31"
                                                                : (String) c.get("due_date"))
                                        .thenComparing(c -> (String) c.get("id")))
                        .toList(),
                all,
                "earliest due date first, undated last, then by id");
        assertEquals(
                ids(all.stream().filter(c -> Boolean.TRUE.equals(c.get("overdue"))).toList()),
                ids(read(path + "?overdue=true")));
        assertEquals(5, read(path + "?overdue=true").size());
        assertEquals(
                ids(all.stream().filter(c -> Boolean.FALSE.equals(c.get("overdue"))).toList()),
                ids(read(path + "?overdue=false")));
        assertEquals(
                ids(all.stream().filter(c -> "planned".equals(c.get("status"))).toList()),
                ids(read(path + "?status=planned")));
    }

    @Test
    void violationsAtEveryLimit() {
        String partnership = createPartnership(createMission("2014-04-10"));
        String path = partnership + "/violations";
        for (String occurred :
                List.of("2022-03-01", "2022-03-01", "2022-03-01", "2021-12-31", "2022-05-05")) {
            create(partnership, "violations", violation(occurred, "threat", "recorded"));
        }
        create(partnership, "violations", violation("2022-03-01", "visa_denial", "raised"));
        create(partnership, "violations", violation("2020-01-01", "visa_denial", "raised"));

        List<Map<String, Object>> all = read(path);
        assertEquals(7, all.size());
        assertEquals(
                all.stream()
                        .sorted(
                                Comparator.comparing(
                                                (Map<String, Object> v) ->
                                                        (String) v.get("occurred_on"))
                                        .reversed()
                                        .thenComparing(v -> (String) v.get("id")))
                        .toList(),
                all,
                "newest first, then by id");
        assertEquals(
                ids(all.stream().filter(v -> "raised".equals(v.get("status"))).toList()),
                ids(read(path + "?status=raised")));
        assertEquals(
                ids(all.stream().filter(v -> "threat".equals(v.get("type"))).toList()),
                ids(read(path + "?type=threat")));
        assertEquals(
                ids(all.stream().filter(v -> "2022-03-01".equals(v.get("occurred_on"))).toList()),
                ids(read(path + "?occurred_from=2022-03-01&occurred_to=2022-03-01")));
    }

    private static List<Map<String, Object>> read(String path) {
        return sameAtEveryLimit(() -> as("reader"), path);
    }
}
