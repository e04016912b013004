package org.a4ptracker.accountability;

import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Api.invalid;
import static org.a4ptracker.support.Cases.create;
import static org.a4ptracker.support.Cases.crime;
import static org.a4ptracker.support.Cases.move;
import static org.a4ptracker.support.Cases.pipeline;
import static org.a4ptracker.support.Cases.sea;
import static org.a4ptracker.support.Fixtures.createMission;
import static org.a4ptracker.support.Problems.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.a4ptracker.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both case workflows, edge by edge, through POST /accountability-cases/{id}/transitions. The
 * expected graphs are written out here from the issue text, independently of {@code CaseWorkflow}.
 */
@QuarkusTest
class CaseWorkflowTest {

    private static final String MISCONDUCT = "misconduct";
    private static final String CRIME = "crime_against_peacekeepers";
    private static final String DORMANT = "dormant";

    /** Misconduct: every status and where it may go. */
    private static final Map<String, Set<String>> MISCONDUCT_GRAPH =
            graph(
                    "reported", "preliminary_assessment",
                    "preliminary_assessment",
                            "closed_no_basis under_review_limited_information referred",
                    "under_review_limited_information",
                            "under_investigation pending_member_state_investigation",
                    "referred", "under_investigation pending_member_state_investigation",
                    "under_investigation", "substantiated not_substantiated closed_other",
                    "pending_member_state_investigation",
                            "substantiated not_substantiated closed_other",
                    "substantiated", "action_pending",
                    "action_pending", "action_taken",
                    "action_taken", "closed",
                    "not_substantiated", "closed preliminary_assessment",
                    "closed_other", "closed preliminary_assessment",
                    "closed_no_basis", "preliminary_assessment",
                    "closed", "preliminary_assessment");

    /** Crimes, apart from dormant (which goes back only to where it came from). */
    private static final Map<String, Set<String>> CRIME_GRAPH =
            graph(
                    "reported", "no_national_investigation investigation_opened dormant",
                    "no_national_investigation", "investigation_opened dormant",
                    "investigation_opened", "suspects_identified dormant",
                    "suspects_identified", "arrested dormant",
                    "arrested", "charged dormant",
                    "charged", "on_trial dormant",
                    "on_trial", "convicted acquitted dismissed dormant",
                    "convicted", "",
                    "acquitted", "",
                    "dismissed", "");

    private static final Set<String> MISCONDUCT_CLOSED =
            Set.of("closed", "closed_no_basis", "closed_other", "not_substantiated");
    private static final Set<String> CRIME_CLOSED = Set.of("convicted", "acquitted", "dismissed");

    /** Every CaseStatus value, read from the contract itself. */
    private static final List<String> ALL_STATUSES = contractStatuses();

    private static String mission;

    /**
     * Once per class; in @BeforeEach because the HTTP port is only known to REST Assured by then.
     */
    @BeforeEach
    void mission() {
        if (mission == null) {
            mission = createMission("2019-01-01");
        }
    }

    // ---------------------------------------------------------------------------- legal moves

    static Stream<Arguments> misconductEdges() {
        return edges(MISCONDUCT_GRAPH);
    }

    static Stream<Arguments> crimeEdges() {
        return edges(CRIME_GRAPH).filter(a -> !DORMANT.equals(a.get()[1]));
    }

    @ParameterizedTest(name = "misconduct {0} -> {1}")
    @MethodSource("misconductEdges")
    void everyLegalMisconductMoveSucceeds(String from, String to) {
        String id = newCase(MISCONDUCT);
        walk(id, MISCONDUCT_GRAPH, from);
        assertLegalMove(id, from, to, MISCONDUCT_CLOSED.contains(to));
    }

    @ParameterizedTest(name = "crime {0} -> {1}")
    @MethodSource("crimeEdges")
    void everyLegalCrimeMoveSucceeds(String from, String to) {
        String id = newCase(CRIME);
        walk(id, CRIME_GRAPH, from);
        assertLegalMove(id, from, to, CRIME_CLOSED.contains(to));
    }

    static Stream<String> openCrimeStatuses() {
        return CRIME_GRAPH.entrySet().stream()
                .filter(e -> e.getValue().contains(DORMANT))
                .map(Map.Entry::getKey);
    }

    @ParameterizedTest(name = "crime {0} -> dormant -> {0}")
    @MethodSource("openCrimeStatuses")
    void aCrimeGoesDormantFromEveryOpenStatusAndComesBackToIt(String from) {
        String id = newCase(CRIME);
        walk(id, CRIME_GRAPH, from);
        assertLegalMove(id, from, DORMANT, false);
        // Only the status it came from is open to a dormant case.
        for (String other : List.of("reported", "investigation_opened", "on_trial", "convicted")) {
            if (!other.equals(from)) {
                assertRejected(id, other, Set.of(from));
            }
        }
        assertLegalMove(id, DORMANT, from, false);
        // Back where it was, with that status's moves again.
        assertRejected(id, "closed", CRIME_GRAPH.get(from));
    }

    // -------------------------------------------------------------------------- illegal moves

    static Stream<String> misconductStatuses() {
        return MISCONDUCT_GRAPH.keySet().stream();
    }

    static Stream<String> crimeStatuses() {
        return CRIME_GRAPH.keySet().stream();
    }

    @ParameterizedTest(name = "misconduct from {0}")
    @MethodSource("misconductStatuses")
    void everyIllegalMisconductMoveIsAConflictListingTheAllowedMoves(String from) {
        String id = newCase(MISCONDUCT);
        walk(id, MISCONDUCT_GRAPH, from);
        assertEveryIllegalMoveRejected(id, from, MISCONDUCT_GRAPH.get(from));
    }

    @ParameterizedTest(name = "crime from {0}")
    @MethodSource("crimeStatuses")
    void everyIllegalCrimeMoveIsAConflictListingTheAllowedMoves(String from) {
        String id = newCase(CRIME);
        walk(id, CRIME_GRAPH, from);
        assertEveryIllegalMoveRejected(id, from, CRIME_GRAPH.get(from));
    }

    @Test
    void everyIllegalMoveFromDormantIsAConflictListingOnlyTheStatusItCameFrom() {
        String id = newCase(CRIME);
        walk(id, CRIME_GRAPH, "arrested");
        move(id, DORMANT);
        assertEveryIllegalMoveRejected(id, DORMANT, Set.of("arrested"));
    }

    @Test
    void theGraphsCoverEveryContractStatus() {
        Set<String> covered = new LinkedHashSet<>(MISCONDUCT_GRAPH.keySet());
        covered.addAll(CRIME_GRAPH.keySet());
        covered.add(DORMANT);
        assertEquals(Set.copyOf(ALL_STATUSES), covered);
        assertEquals(23, ALL_STATUSES.size());
    }

    // --------------------------------------------------------------------- closed_on and
    // re-opening

    @Test
    void closedOnIsSetWhenAMisconductCaseClosesAndClearedWhenItReopens() {
        String id = newCase(MISCONDUCT);
        walk(id, MISCONDUCT_GRAPH, "under_investigation");
        assertClosedOn(id, false);
        move(id, "not_substantiated");
        assertClosedOn(id, true);
        move(id, "closed");
        assertClosedOn(id, true);
        move(id, "preliminary_assessment");
        assertClosedOn(id, false);
        move(id, "closed_no_basis");
        assertClosedOn(id, true);
        move(id, "preliminary_assessment");
        assertClosedOn(id, false);
        move(id, "referred");
        move(id, "pending_member_state_investigation");
        move(id, "closed_other");
        assertClosedOn(id, true);
        move(id, "preliminary_assessment");
        as("conduct_officer")
                .get("/accountability-cases/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("preliminary_assessment"))
                .body("closed_on", nullValue())
                .body("days_open", notNullValue());
    }

    @Test
    void closedOnIsSetForEveryFinalCrimeStatusButNotForDormant() {
        for (String end : CRIME_CLOSED) {
            String id = newCase(CRIME);
            walk(id, CRIME_GRAPH, "on_trial");
            move(id, DORMANT);
            assertClosedOn(id, false);
            move(id, "on_trial");
            assertClosedOn(id, false);
            move(id, end);
            assertClosedOn(id, true);
        }
    }

    @Test
    void dormantAndBackRestoresThePreviousStatusEvenAfterSeveralSleeps() {
        String id = newCase(CRIME);
        walk(id, CRIME_GRAPH, "suspects_identified");
        move(id, DORMANT);
        move(id, "suspects_identified");
        move(id, "arrested");
        move(id, DORMANT);
        assertRejected(id, "suspects_identified", Set.of("arrested"));
        move(id, "arrested");
        as("reader")
                .get("/accountability-cases/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("arrested"));
    }

    // ----------------------------------------------------------------------------- history

    @Test
    void theReasonActorAndChangedFieldsShowInTheHistory() {
        String id = newCase(MISCONDUCT);
        String reason = "OIOS confirmed receipt, case " + UUID.randomUUID();
        as("conduct_officer")
                .body(Map.of("to", "preliminary_assessment", "reason", reason))
                .post("/accountability-cases/" + id + "/transitions")
                .then()
                .statusCode(200);
        as("admin")
                .body(Map.of("to", "referred", "reason", "Referred to the TCC"))
                .post("/accountability-cases/" + id + "/transitions")
                .then()
                .statusCode(200);

        Response history = as("reader").get("/accountability-cases/" + id + "/history");
        history.then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items[0].change", equalTo("created"))
                .body("items[0].status", equalTo("reported"))
                .body("items[0].reason", nullValue())
                .body("items[1].status", equalTo("preliminary_assessment"))
                .body("items[1].reason", equalTo(reason))
                .body("items[1].actor", equalTo("test-conduct_officer"))
                .body("items[1].change", equalTo("updated"))
                .body("items[1].changed_fields", hasItem("status"))
                .body("items[2].status", equalTo("referred"))
                .body("items[2].reason", equalTo("Referred to the TCC"))
                .body("items[2].actor", equalTo("test-admin"))
                .body("items[2].change", equalTo("updated"))
                .body("items[2].changed_fields", equalTo(List.of("status")));
        List<Integer> revisions = history.path("items.revision");
        assertThat(
                revisions.get(0) < revisions.get(1) && revisions.get(1) < revisions.get(2),
                equalTo(true));
    }

    @Test
    void closingShowsStatusAndClosedOnAsChangedFields() {
        String id = newCase(MISCONDUCT);
        move(id, "preliminary_assessment");
        move(id, "closed_no_basis");
        as("reader")
                .get("/accountability-cases/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items[2].status", equalTo("closed_no_basis"))
                .body("items[2].changed_fields", containsInAnyOrder("status", "closed_on"));
    }

    // ------------------------------------------------------------------ preconditions and input

    @Test
    void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
        String id = newCase(MISCONDUCT);
        String first = etag(id);
        String second = move(id, "preliminary_assessment");
        assertNotEquals(first, second);
        Response stale =
                as("conduct_officer")
                        .header("If-Match", first)
                        .body(Map.of("to", "referred", "reason", "Stale view"))
                        .post("/accountability-cases/" + id + "/transitions");
        assertProblem(stale, 412, "/problems/precondition-failed").header("ETag", equalTo(second));
        as("conduct_officer")
                .get("/accountability-cases/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(second))
                .body("status", equalTo("preliminary_assessment"));
        as("reader")
                .get("/accountability-cases/" + id + "/history")
                .then()
                .body("items", hasSize(2));

        // The current ETag is accepted.
        String third =
                as("conduct_officer")
                        .header("If-Match", second)
                        .body(Map.of("to", "referred", "reason", "Fresh view"))
                        .post("/accountability-cases/" + id + "/transitions")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("referred"))
                        .extract()
                        .header("ETag");
        assertNotEquals(second, third);
    }

    @Test
    void aMoveWithoutAReasonIsABadRequest() {
        String id = newCase(MISCONDUCT);
        String before = etag(id);
        Response missing =
                invalid("conduct_officer")
                        .body(Map.of("to", "preliminary_assessment"))
                        .post("/accountability-cases/" + id + "/transitions");
        assertProblem(missing, 400, "/problems/validation-error")
                .body("errors.pointer", hasItem("/reason"));
        Response empty =
                invalid("conduct_officer")
                        .body(Map.of("to", "preliminary_assessment", "reason", ""))
                        .post("/accountability-cases/" + id + "/transitions");
        assertProblem(empty, 400, "/problems/validation-error")
                .body("errors.pointer", hasItem("/reason"));
        Response unknownStatus =
                invalid("conduct_officer")
                        .body(Map.of("to", "archived", "reason", "No such status"))
                        .post("/accountability-cases/" + id + "/transitions");
        assertProblem(unknownStatus, 400, "/problems/validation-error");
        as("conduct_officer")
                .get("/accountability-cases/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(before))
                .body("status", equalTo("reported"));
    }

    @Test
    void readersAndEditorsMayNotMoveACase() {
        String id = newCase(CRIME);
        String before = etag(id);
        for (String role : List.of("reader", "editor")) {
            Response refused =
                    as(role).body(
                                    Map.of(
                                            "to",
                                            "investigation_opened",
                                            "reason",
                                            "Not mine to move"))
                            .post("/accountability-cases/" + id + "/transitions");
            assertProblem(refused, 403, "/problems/forbidden");
        }
        as("reader")
                .get("/accountability-cases/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(before))
                .body("status", equalTo("reported"));
    }

    @Test
    void aCaseOutsideTheCallersMissionsIsNotFound() {
        String id = newCase(MISCONDUCT);
        Response hidden =
                Api.asIn(List.of("MINUSCA"), "conduct_officer")
                        .body(Map.of("to", "preliminary_assessment", "reason", "Not my mission"))
                        .post("/accountability-cases/" + id + "/transitions");
        assertProblem(hidden, 404, "/problems/not-found");
        as("reader")
                .get("/accountability-cases/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("reported"));
    }

    // ----------------------------------------------------------------------------- idempotency

    @Test
    void aRetriedMoveWithTheSameKeyReplaysTheAnswerAndMovesOnce() {
        String id = newCase(CRIME);
        move(id, "investigation_opened");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("to", DORMANT, "reason", "No news from the prosecutor");

        Response first =
                as("conduct_officer")
                        .header("Idempotency-Key", key)
                        .body(body)
                        .post("/accountability-cases/" + id + "/transitions");
        first.then().statusCode(200).body("status", equalTo(DORMANT));
        Response retry =
                as("conduct_officer")
                        .header("Idempotency-Key", key)
                        .body(body)
                        .post("/accountability-cases/" + id + "/transitions");
        retry.then().statusCode(200).body("status", equalTo(DORMANT));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(first.jsonPath().getMap(""), retry.jsonPath().getMap(""));

        // Dormant once, so it can still only go back to investigation_opened; one revision for the
        // move.
        as("reader")
                .get("/accountability-cases/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(first.header("ETag")))
                .body("status", equalTo(DORMANT));
        List<String> statuses =
                as("reader")
                        .get("/accountability-cases/" + id + "/history")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.status");
        assertEquals(List.of("reported", "investigation_opened", DORMANT), statuses);

        // Same key, another body: refused, nothing moves.
        Response other =
                as("conduct_officer")
                        .header("Idempotency-Key", key)
                        .body(Map.of("to", "investigation_opened", "reason", "Woken up"))
                        .post("/accountability-cases/" + id + "/transitions");
        assertProblem(other, 422, "/problems/idempotency-key-reused");
        as("reader")
                .get("/accountability-cases/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(first.header("ETag")))
                .body("status", equalTo(DORMANT));

        // After the case has moved on, a retry of the first request moves nothing again: it answers
        // the first answer's status with the case as it is now (replays go through the read path).
        String afterWake = move(id, "investigation_opened");
        Response late =
                as("conduct_officer")
                        .header("Idempotency-Key", key)
                        .body(body)
                        .post("/accountability-cases/" + id + "/transitions");
        late.then()
                .statusCode(200)
                .header("ETag", equalTo(afterWake))
                .body("status", equalTo("investigation_opened"));
        assertEquals(
                List.of("reported", "investigation_opened", DORMANT, "investigation_opened"),
                as("reader")
                        .get("/accountability-cases/" + id + "/history")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.status"));
    }

    @Test
    void anIdempotencyKeyIsBoundToItsCase() {
        String one = newCase(MISCONDUCT);
        String two = newCase(MISCONDUCT);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body =
                Map.of("to", "preliminary_assessment", "reason", "Same words, other case");
        as("conduct_officer")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/accountability-cases/" + one + "/transitions")
                .then()
                .statusCode(200);
        Response reused =
                as("conduct_officer")
                        .header("Idempotency-Key", key)
                        .body(body)
                        .post("/accountability-cases/" + two + "/transitions");
        assertProblem(reused, 422, "/problems/idempotency-key-reused");
        as("reader")
                .get("/accountability-cases/" + two)
                .then()
                .statusCode(200)
                .body("status", equalTo("reported"));
    }

    // ------------------------------------------------------------------------------- helpers

    private String newCase(String kind) {
        Map<String, Object> body =
                MISCONDUCT.equals(kind)
                        ? sea(mission, "2021-03-04")
                        : crime(mission, "2021-05-06", pipeline(3, 2, 2, 1, 1, 0));
        return create(body);
    }

    private static String etag(String id) {
        return as("conduct_officer")
                .get("/accountability-cases/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** Moves a fresh case along the shortest path of the expected graph to {@code target}. */
    private static void walk(String id, Map<String, Set<String>> graph, String target) {
        for (String status : path(graph, target)) {
            move(id, status);
        }
    }

    private static List<String> path(Map<String, Set<String>> graph, String target) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of("reported"));
        cameFrom.put("reported", null);
        while (!queue.isEmpty()) {
            String at = queue.removeFirst();
            for (String next : graph.getOrDefault(at, Set.of())) {
                if (!DORMANT.equals(next) && !cameFrom.containsKey(next)) {
                    cameFrom.put(next, at);
                    queue.addLast(next);
                }
            }
        }
        if (!cameFrom.containsKey(target)) {
            throw new IllegalArgumentException(target + " is not reachable");
        }
        List<String> steps = new ArrayList<>();
        for (String at = target; !"reported".equals(at); at = cameFrom.get(at)) {
            steps.add(0, at);
        }
        return steps;
    }

    private static void assertLegalMove(String id, String from, String to, boolean closes) {
        String before =
                as("conduct_officer")
                        .get("/accountability-cases/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo(from))
                        .extract()
                        .header("ETag");
        String reason = "Move " + from + " to " + to;
        Response moved =
                as("conduct_officer")
                        .body(Map.of("to", to, "reason", reason))
                        .post("/accountability-cases/" + id + "/transitions");
        moved.then()
                .statusCode(200)
                .contentType(startsWithJson())
                .body("id", equalTo(id))
                .body("status", equalTo(to));
        String after = moved.header("ETag");
        assertNotNull(after, "a move answers the new ETag");
        assertNotEquals(before, after);
        if (closes) {
            moved.then().body("closed_on", oneOf(todays()));
        } else {
            moved.then().body("closed_on", nullValue());
        }
        as("conduct_officer")
                .get("/accountability-cases/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(after))
                .body("status", equalTo(to));
        List<Map<String, Object>> history =
                as("reader")
                        .get("/accountability-cases/" + id + "/history")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items");
        Map<String, Object> last = history.get(history.size() - 1);
        assertEquals(to, last.get("status"));
        assertEquals(reason, last.get("reason"));
    }

    private static void assertEveryIllegalMoveRejected(
            String id, String from, Set<String> allowed) {
        String before = etag(id);
        int revisions = historySize(id);
        int tried = 0;
        for (String to : ALL_STATUSES) {
            if (!allowed.contains(to)) {
                assertRejected(id, to, allowed);
                tried++;
            }
        }
        assertEquals(ALL_STATUSES.size() - allowed.size(), tried);
        as("conduct_officer")
                .get("/accountability-cases/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(before))
                .body("status", equalTo(from));
        assertEquals(revisions, historySize(id), "a refused move leaves no revision");
    }

    private static void assertRejected(String id, String to, Set<String> allowed) {
        Response refused =
                as("conduct_officer")
                        .body(Map.of("to", to, "reason", "Try " + to))
                        .post("/accountability-cases/" + id + "/transitions");
        assertProblem(refused, 409, "/problems/invalid-transition")
                .body("allowed", containsInAnyOrder(allowed.toArray()))
                .body("allowed", hasSize(allowed.size()));
    }

    private static void assertClosedOn(String id, boolean closed) {
        var get = as("conduct_officer").get("/accountability-cases/" + id).then().statusCode(200);
        if (closed) {
            get.body("closed_on", oneOf(todays()));
        } else {
            get.body("closed_on", nullValue());
        }
    }

    private static int historySize(String id) {
        return as("reader")
                .get("/accountability-cases/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .path("items.size()");
    }

    /** Today in UTC, and tomorrow in case the test runs over midnight. */
    private static String[] todays() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new String[] {today.toString(), today.plusDays(1).toString()};
    }

    private static org.hamcrest.Matcher<String> startsWithJson() {
        return org.hamcrest.Matchers.startsWith("application/json");
    }

    private static Stream<Arguments> edges(Map<String, Set<String>> graph) {
        return graph.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(to -> Arguments.of(e.getKey(), to)));
    }

    private static Map<String, Set<String>> graph(String... fromAndTargets) {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        for (int i = 0; i < fromAndTargets.length; i += 2) {
            Set<String> targets = new LinkedHashSet<>();
            for (String t : fromAndTargets[i + 1].split(" ")) {
                if (!t.isBlank()) {
                    targets.add(t);
                }
            }
            graph.put(fromAndTargets[i], targets);
        }
        return graph;
    }

    /** The values of the contract's CaseStatus enum (a flow sequence that may span lines). */
    private static List<String> contractStatuses() {
        String spec = Api.spec();
        int schema = spec.indexOf("\n    CaseStatus:\n");
        int start = spec.indexOf("enum: [", schema) + "enum: [".length();
        int end = spec.indexOf(']', start);
        return Stream.of(spec.substring(start, end).split(",")).map(String::trim).toList();
    }
}
