package org.a4ptracker.platform.persistence;

import static java.util.Map.entry;
import static org.a4ptracker.partnership.PartnershipFixtures.commitment;
import static org.a4ptracker.partnership.PartnershipFixtures.create;
import static org.a4ptracker.partnership.PartnershipFixtures.createPartnership;
import static org.a4ptracker.partnership.PartnershipFixtures.focalPoint;
import static org.a4ptracker.partnership.PartnershipFixtures.violation;
import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Api.asIn;
import static org.a4ptracker.support.Fixtures.assessment;
import static org.a4ptracker.support.Fixtures.createAssessment;
import static org.a4ptracker.support.Fixtures.createMission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.a4ptracker.support.Api;
import org.a4ptracker.support.Cases;
import org.a4ptracker.support.Indicators;
import org.a4ptracker.support.Webhooks;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How many SQL statements one request of every GET of openapi.yaml prepares (Hibernate statistics,
 * on in the test profile only), so that an N+1 cannot come back: a list of one item and the same
 * list of many cost the same, and every GET stays within its budget below.
 */
@QuarkusTest
class StatementCountTest {

    /**
     * The budget: the most statements one request of each GET operation may prepare. These are the
     * counts measured when the test was written; lower a number when a request gets cheaper.
     */
    private static final Map<String, Integer> BUDGET =
            Map.ofEntries(
                    entry("listPriorities", 0),
                    entry("getPriority", 0),
                    entry("listIndicators", 1),
                    entry("getIndicator", 0),
                    entry("listMissions", 1),
                    entry("getMission", 0),
                    entry("listAssessments", 3),
                    entry("getAssessment", 3),
                    entry("getMissionProgress", 3),
                    entry("getPriorityProgress", 2),
                    entry("listCases", 1),
                    entry("getCaseStatistics", 5),
                    entry("getPublicStatistics", 3),
                    entry("getCase", 1),
                    entry("getCaseHistory", 5),
                    entry("listCaseReads", 2),
                    entry("listPartnerships", 1),
                    entry("getPartnership", 1),
                    entry("getPartnershipSummary", 8),
                    entry("listPartnershipHistory", 5),
                    entry("listCommitments", 2),
                    entry("getCommitment", 2),
                    entry("listViolations", 2),
                    entry("getViolation", 2),
                    entry("listEvents", 2),
                    entry("listWebhookSubscriptions", 1),
                    entry("getWebhookSubscription", 1),
                    entry("listWebhookDeliveries", 2));

    /**
     * GETs whose statements still grow with their items: an N+1 to fix, with where it comes from.
     * Each must still grow, so that its entry goes when the N+1 does.
     */
    private static final Map<String, String> KNOWN_N_PLUS_ONE = Map.of();

    /** How many items the "many" side of a probe has at least (and asks for, in a list). */
    private static final int MANY = 20;

    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject SessionFactory sessionFactory;

    @AfterEach
    void unsubscribe() {
        Webhooks.unsubscribeAll();
    }

    /**
     * One GET as a caller sees it; {@code items} names the array in the answer whose size tells how
     * many items it holds (null where there is none to count).
     */
    private record Request(Supplier<RequestSpecification> caller, String path, String items) {}

    /** The same operation answering one item and answering many. */
    private record Probe(String operation, Request one, Request many) {}

    private record Measured(long statements, int items) {}

    @Test
    void everyGetOfTheContractHasABudget() throws IOException {
        assertEquals(contractGets(), new TreeSet<>(BUDGET.keySet()));
    }

    @Test
    void everyGetStaysWithinItsBudgetWhateverTheNumberOfItems() {
        List<Probe> probes = probes();
        assertEquals(
                new TreeSet<>(BUDGET.keySet()),
                new TreeSet<>(probes.stream().map(Probe::operation).toList()),
                "every budgeted operation is measured");

        List<String> offences = new ArrayList<>();
        StringBuilder table =
                new StringBuilder(
                        String.format(
                                "%-24s %8s %8s %8s %8s %8s%n",
                                "operation", "items", "stmts", "items", "stmts", "budget"));
        for (Probe probe : probes) {
            Measured one = measure(probe.one());
            Measured many = measure(probe.many());
            int budget = BUDGET.get(probe.operation());
            table.append(
                    String.format(
                            "%-24s %8s %8d %8s %8d %8d%n",
                            probe.operation(),
                            one.items() < 0 ? "-" : one.items(),
                            one.statements(),
                            many.items() < 0 ? "-" : many.items(),
                            many.statements(),
                            budget));
            if (one.items() >= 0 && many.items() <= Math.max(one.items(), 1)) {
                offences.add(
                        probe.operation()
                                + ": "
                                + probe.many().path()
                                + " answered "
                                + many.items()
                                + " items, no more than "
                                + probe.one().path());
            }
            boolean grows = one.statements() != many.statements();
            if (KNOWN_N_PLUS_ONE.containsKey(probe.operation())) {
                if (!grows) {
                    offences.add(
                            probe.operation()
                                    + " no longer grows with its items: take it out of"
                                    + " KNOWN_N_PLUS_ONE");
                }
            } else if (grows) {
                offences.add(
                        probe.operation()
                                + ": "
                                + one.statements()
                                + " statements for "
                                + probe.one().path()
                                + ", "
                                + many.statements()
                                + " for "
                                + probe.many().path());
            }
            if (Math.max(one.statements(), many.statements()) > budget) {
                offences.add(
                        probe.operation()
                                + ": "
                                + Math.max(one.statements(), many.statements())
                                + " statements, over its budget of "
                                + budget);
            }
        }
        System.out.println("Statements per request (one item | many items):\n" + table);
        assertEquals(List.of(), offences, table.toString());
    }

    /**
     * Prepared statements of one request, run alone (statistics count for the whole application),
     * after a first identical request so that what is cached after a first read counts as cached;
     * the lower of two runs, so that a statement prepared meanwhile by work in the background (none
     * today) is not counted.
     */
    private Measured measure(Request request) {
        Statistics statistics = sessionFactory.getStatistics();
        assertTrue(statistics.isStatisticsEnabled(), "Hibernate statistics are on in tests");
        request.caller().get().get(request.path());
        long statements = Long.MAX_VALUE;
        int items = -1;
        for (int run = 0; run < 2; run++) {
            statistics.clear();
            Response response = request.caller().get().get(request.path());
            statements = Math.min(statements, statistics.getPrepareStatementCount());
            assertEquals(
                    200,
                    response.statusCode(),
                    () -> request.path() + " answered " + response.asString());
            if (request.items() != null) {
                items = response.jsonPath().getList(request.items()).size();
            }
        }
        return new Measured(statements, items);
    }

    /** The operation ids of every GET in openapi.yaml. */
    private static TreeSet<String> contractGets() throws IOException {
        TreeSet<String> ids = new TreeSet<>();
        new YAMLMapper()
                .readTree(Api.spec())
                .path("paths")
                .forEach(path -> ids.add(path.path("get").path("operationId").asText("")));
        ids.remove("");
        return ids;
    }

    // --- The data and the requests ---------------------------------------------------------------

    private static Request get(String role, String path, String items) {
        return new Request(() -> as(role), path, items);
    }

    private static Request getIn(List<String> missions, String role, String path, String items) {
        return new Request(() -> asIn(missions, role), path, items);
    }

    /** A list asked for one item, and for {@link #MANY}. */
    private static Probe list(String operation, String role, String path) {
        String and = path.contains("?") ? "&" : "?";
        return new Probe(
                operation,
                get(role, path + and + "limit=1", "items"),
                get(role, path + and + "limit=" + MANY, "items"));
    }

    private static Probe single(String operation, String role, String onePath, String manyPath) {
        return new Probe(operation, get(role, onePath, null), get(role, manyPath, null));
    }

    private static List<Probe> probes() {
        // Priorities: MANY more indicators of P3, to list and to give values to.
        List<String> indicators =
                IntStream.range(0, MANY)
                        .mapToObj(
                                i ->
                                        Indicators.create(
                                                        "P3",
                                                        Indicators.input(
                                                                Indicators.uniqueCode("STMT")))
                                                .<String>path("id"))
                        .toList();

        // Missions: MANY plain ones, each assessed once on P3 in 2020-Q4, with a partnership; a
        // rich one assessed on P3 every quarter of 2016-2020 with indicator values, and on P1; and
        // one assessed once, with one indicator value.
        List<String> missions = new ArrayList<>();
        List<String> partnerships = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            String mission = createMission("2015-01-01");
            missions.add(mission);
            createAssessment(mission, assessment("P3", "2020-Q4", "on_track", 60 + i));
            partnerships.add(createPartnership(mission));
        }
        String plain = missions.get(0);
        String rich = createMission("2015-01-01");
        String oneValue = null;
        String allValues = null;
        for (int q = 0; q < MANY; q++) {
            String period = (2016 + q / 4) + "-Q" + (q % 4 + 1);
            var body = new HashMap<>(assessment("P3", period, "at_risk", 40 + q));
            int values = q == 0 ? 1 : q == MANY - 1 ? MANY : 5;
            body.put(
                    "indicator_values",
                    indicators.subList(0, values).stream()
                            .map(id -> Map.<String, Object>of("indicator_id", id, "value", 50))
                            .toList());
            String id = createAssessment(rich, body);
            if (q == 0) {
                oneValue = id;
            } else if (q == MANY - 1) {
                allValues = id;
            }
        }
        createAssessment(rich, assessment("P1", "2016-Q1", "off_track", 20));
        String single = createMission("2015-01-01");
        var singleBody = new HashMap<>(assessment("P3", "2020-Q4", "at_risk", 45));
        singleBody.put(
                "indicator_values", List.of(Map.of("indicator_id", indicators.get(0), "value", 7)));
        createAssessment(single, singleBody);
        List<String> assessed = new ArrayList<>(missions);
        assessed.add(rich);
        assessed.add(single);

        // Accountability cases: MANY in one mission, SEA and crimes; one case with a long
        // history and MANY reads.
        String casesMission = createMission("2014-04-10");
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            String reported = "2021-" + String.format("%02d", i % 12 + 1) + "-15";
            caseIds.add(
                    Cases.create(
                            i % 2 == 0
                                    ? Cases.sea(casesMission, reported)
                                    : Cases.crime(
                                            casesMission,
                                            reported,
                                            Cases.pipeline(3, 2, 1, 1, 1, 0))));
        }
        String seaCase = caseIds.get(0);
        String crimeCase = caseIds.get(1);
        for (String to :
                List.of(
                        "preliminary_assessment",
                        "referred",
                        "under_investigation",
                        "substantiated",
                        "action_pending",
                        "action_taken",
                        "closed",
                        "preliminary_assessment",
                        "referred",
                        "under_investigation",
                        "not_substantiated")) {
            Cases.move(seaCase, to);
        }
        for (int i = 0; i < MANY; i++) {
            as("conduct_officer").get("/accountability-cases/" + seaCase).then().statusCode(200);
        }
        String lonelyCaseMission = createMission("2014-04-10");
        Cases.create(Cases.sea(lonelyCaseMission, "2021-03-15"));

        // Partnerships: the cases' mission's, with MANY commitments (some overdue), MANY
        // violations and several revisions; and an empty one.
        String empty = partnerships.get(0);
        String full = createPartnership(casesMission);
        List<String> commitments = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            String due = TODAY.plusDays(i * 10L - 100).toString();
            commitments.add(
                    create(
                            full,
                            "commitments",
                            commitment(
                                    "Commitment " + i, i % 3 == 0 ? "met" : "in_progress", due)));
            violations.add(
                    create(
                            full,
                            "violations",
                            violation(
                                    TODAY.minusDays(i * 20L + 1).toString(),
                                    i % 2 == 0 ? "movement_restriction_land" : "denial_of_access",
                                    "raised")));
        }
        for (int version = 0; version < 6; version++) {
            as("editor")
                    .contentType(MERGE_PATCH)
                    .header("If-Match", "\"" + version + "\"")
                    .body(
                            Map.of(
                                    "focal_points",
                                    List.of(focalPoint("Liaison " + version)),
                                    "status",
                                    version % 2 == 0 ? "suspended" : "in_force"))
                    .patch(full)
                    .then()
                    .statusCode(200);
        }

        // Webhooks, made last so that no subscription gets the events of the data above: MANY
        // subscriptions of a mission without events, and a paused one (nothing is sent) of another
        // mission with MANY deliveries queued.
        String quiet = createMission("2014-04-10");
        String hooked = createMission("2014-04-10");
        List<String> subscriptions = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            subscriptions.add(
                    Webhooks.subscribe(
                                    Map.of(
                                            "url",
                                            "http://127.0.0.1:9/hook",
                                            "missions",
                                            List.of(i < MANY - 1 ? quiet : hooked),
                                            "types",
                                            i == 0 ? List.of(Webhooks.STATUS_CHANGED) : List.of()))
                            .getString("id"));
        }
        String queued = subscriptions.get(MANY - 1);
        as("admin")
                .contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body(Map.of("status", "paused"))
                .patch("/webhook-subscriptions/" + queued)
                .then()
                .statusCode(200);
        for (int i = 0; i < MANY; i++) {
            Webhooks.emit(hooked);
        }
        try {
            Webhooks.awaitDeliveries(
                    queued,
                    d -> d.getList("items").size() >= MANY,
                    java.time.Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }

        String p3 = "/priorities/P3/indicators/";
        String cases = "/accountability-cases";
        String publicStatistics =
                "/public/statistics?group_by=mission&group_by=year&group_by=kind"
                        + "&group_by=category&group_by=personnel_category&group_by=status&mission=";
        String statistics =
                cases
                        + "/statistics?group_by=mission&group_by=year&group_by=kind"
                        + "&group_by=category&group_by=personnel_category&group_by=status&mission=";
        String progress = "/priorities/P3/progress?period=2020-Q4";
        return List.of(
                // Always the nine priorities.
                single("listPriorities", "reader", "/priorities", "/priorities"),
                single("getPriority", "reader", "/priorities/P1", "/priorities/P3"),
                list("listIndicators", "reader", "/priorities/P3/indicators"),
                single(
                        "getIndicator",
                        "reader",
                        p3 + indicators.get(0),
                        p3 + indicators.get(MANY - 1)),
                list("listMissions", "reader", "/missions"),
                single("getMission", "reader", "/missions/" + plain, "/missions/" + rich),
                list("listAssessments", "reader", "/missions/" + rich + "/assessments"),
                new Probe(
                        "getAssessment",
                        get(
                                "reader",
                                "/missions/" + rich + "/assessments/" + oneValue,
                                "indicator_values"),
                        get(
                                "reader",
                                "/missions/" + rich + "/assessments/" + allValues,
                                "indicator_values")),
                single(
                        "getMissionProgress",
                        "reader",
                        "/missions/" + single + "/progress",
                        "/missions/" + rich + "/progress"),
                new Probe(
                        "getPriorityProgress",
                        getIn(List.of(single), "reader", progress, "missions"),
                        getIn(assessed, "reader", progress, "missions")),
                list("listCases", "conduct_officer", cases + "?mission=" + casesMission),
                single(
                        "getCaseStatistics",
                        "conduct_officer",
                        statistics + lonelyCaseMission,
                        statistics + casesMission),
                single(
                        "getPublicStatistics",
                        "reader",
                        publicStatistics + lonelyCaseMission,
                        publicStatistics + casesMission),
                single(
                        "getCase",
                        "conduct_officer",
                        cases + "/" + crimeCase,
                        cases + "/" + seaCase),
                list("getCaseHistory", "conduct_officer", cases + "/" + seaCase + "/history"),
                list("listCaseReads", "admin", cases + "/" + seaCase + "/reads"),
                list("listPartnerships", "reader", "/host-country-partnerships"),
                single("getPartnership", "reader", empty, full),
                new Probe(
                        "getPartnershipSummary",
                        get("reader", empty + "/summary", "overdue_commitments.items"),
                        get("reader", full + "/summary", "overdue_commitments.items")),
                list("listPartnershipHistory", "reader", full + "/history"),
                list("listCommitments", "reader", full + "/commitments"),
                single("getCommitment", "reader", commitments.get(0), commitments.get(MANY - 1)),
                list("listViolations", "reader", full + "/violations"),
                single("getViolation", "reader", violations.get(0), violations.get(MANY - 1)),
                list("listEvents", "reader", "/events?missions=" + casesMission),
                list("listWebhookSubscriptions", "admin", "/webhook-subscriptions"),
                single(
                        "getWebhookSubscription",
                        "admin",
                        "/webhook-subscriptions/" + subscriptions.get(0),
                        "/webhook-subscriptions/" + queued),
                list(
                        "listWebhookDeliveries",
                        "admin",
                        "/webhook-subscriptions/" + queued + "/deliveries"));
    }
}
