package org.a4ptracker.accountability;

import static org.a4ptracker.accountability.CaseEntity.Status.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.a4ptracker.accountability.CaseEntity.Kind;
import org.a4ptracker.accountability.CaseEntity.Status;
import org.a4ptracker.platform.http.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link CaseWorkflow} on its own: which moves each kind allows from each status, which statuses
 * are closed, how a crime sleeps and wakes, and what a move does to the case. The expected graphs
 * are written out here from the issue text, independently of the class (as in {@code
 * CaseWorkflowTest}, which walks the same graphs over HTTP).
 */
class CaseWorkflowRulesTest {

    private static final Map<Status, Set<Status>> MISCONDUCT =
            Map.ofEntries(
                    Map.entry(REPORTED, Set.of(PRELIMINARY_ASSESSMENT)),
                    Map.entry(
                            PRELIMINARY_ASSESSMENT,
                            Set.of(CLOSED_NO_BASIS, UNDER_REVIEW_LIMITED_INFORMATION, REFERRED)),
                    Map.entry(
                            UNDER_REVIEW_LIMITED_INFORMATION,
                            Set.of(UNDER_INVESTIGATION, PENDING_MEMBER_STATE_INVESTIGATION)),
                    Map.entry(
                            REFERRED,
                            Set.of(UNDER_INVESTIGATION, PENDING_MEMBER_STATE_INVESTIGATION)),
                    Map.entry(
                            UNDER_INVESTIGATION,
                            Set.of(SUBSTANTIATED, NOT_SUBSTANTIATED, CLOSED_OTHER)),
                    Map.entry(
                            PENDING_MEMBER_STATE_INVESTIGATION,
                            Set.of(SUBSTANTIATED, NOT_SUBSTANTIATED, CLOSED_OTHER)),
                    Map.entry(SUBSTANTIATED, Set.of(ACTION_PENDING)),
                    Map.entry(ACTION_PENDING, Set.of(ACTION_TAKEN)),
                    Map.entry(ACTION_TAKEN, Set.of(CLOSED)),
                    Map.entry(NOT_SUBSTANTIATED, Set.of(CLOSED, PRELIMINARY_ASSESSMENT)),
                    Map.entry(CLOSED_OTHER, Set.of(CLOSED, PRELIMINARY_ASSESSMENT)),
                    Map.entry(CLOSED_NO_BASIS, Set.of(PRELIMINARY_ASSESSMENT)),
                    Map.entry(CLOSED, Set.of(PRELIMINARY_ASSESSMENT)));

    /** Crimes, apart from dormant (which goes back only to where it came from). */
    private static final Map<Status, Set<Status>> CRIME =
            Map.ofEntries(
                    Map.entry(
                            REPORTED,
                            Set.of(NO_NATIONAL_INVESTIGATION, INVESTIGATION_OPENED, DORMANT)),
                    Map.entry(NO_NATIONAL_INVESTIGATION, Set.of(INVESTIGATION_OPENED, DORMANT)),
                    Map.entry(INVESTIGATION_OPENED, Set.of(SUSPECTS_IDENTIFIED, DORMANT)),
                    Map.entry(SUSPECTS_IDENTIFIED, Set.of(ARRESTED, DORMANT)),
                    Map.entry(ARRESTED, Set.of(CHARGED, DORMANT)),
                    Map.entry(CHARGED, Set.of(ON_TRIAL, DORMANT)),
                    Map.entry(ON_TRIAL, Set.of(CONVICTED, ACQUITTED, DISMISSED, DORMANT)),
                    Map.entry(CONVICTED, Set.of()),
                    Map.entry(ACQUITTED, Set.of()),
                    Map.entry(DISMISSED, Set.of()));

    private static final Set<Status> MISCONDUCT_CLOSED =
            Set.of(CLOSED, CLOSED_NO_BASIS, CLOSED_OTHER, NOT_SUBSTANTIATED);
    private static final Set<Status> CRIME_CLOSED = Set.of(CONVICTED, ACQUITTED, DISMISSED);
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 3);

    // ---------------------------------------------------------------------------- allowed moves

    @ParameterizedTest(name = "misconduct from {0}")
    @EnumSource(Status.class)
    void aMisconductCaseMovesExactlyAlongItsGraph(Status from) {
        assertEquals(MISCONDUCT.getOrDefault(from, Set.of()), allowed(Kind.MISCONDUCT, from, null));
    }

    @ParameterizedTest(name = "crime from {0}")
    @EnumSource(value = Status.class, names = "DORMANT", mode = EnumSource.Mode.EXCLUDE)
    void aCrimeMovesExactlyAlongItsGraph(Status from) {
        assertEquals(
                CRIME.getOrDefault(from, Set.of()),
                allowed(Kind.CRIME_AGAINST_PEACEKEEPERS, from, null));
    }

    @Test
    void theTwoGraphsAndDormantCoverEveryStatusAndShareOnlyReported() {
        Set<Status> covered = EnumSet.of(DORMANT);
        covered.addAll(MISCONDUCT.keySet());
        covered.addAll(CRIME.keySet());
        assertEquals(EnumSet.allOf(Status.class), covered);
        Set<Status> shared =
                MISCONDUCT.keySet().stream().filter(CRIME::containsKey).collect(Collectors.toSet());
        assertEquals(Set.of(REPORTED), shared);
    }

    @ParameterizedTest(name = "misconduct from {0}")
    @EnumSource(Status.class)
    void aMisconductCaseNeverSleeps(Status from) {
        assertFalse(allowed(Kind.MISCONDUCT, from, null).contains(DORMANT));
        assertEquals(Set.of(), allowed(Kind.MISCONDUCT, DORMANT, from));
    }

    @Test
    void everyClosedMisconductStatusReopensToPreliminaryAssessment() {
        for (Status closed : MISCONDUCT_CLOSED) {
            assertTrue(
                    allowed(Kind.MISCONDUCT, closed, null).contains(PRELIMINARY_ASSESSMENT),
                    closed.value());
        }
    }

    @Test
    void aFinishedCrimeMovesNowhere() {
        for (Status closed : CRIME_CLOSED) {
            assertEquals(
                    Set.of(),
                    allowed(Kind.CRIME_AGAINST_PEACEKEEPERS, closed, null),
                    closed.value());
        }
    }

    @Test
    void aDormantCrimeMayOnlyGoBackToTheStatusItLeft() {
        for (Status open : CRIME.keySet()) {
            if (CRIME.get(open).contains(DORMANT)) {
                assertEquals(
                        List.of(open),
                        CaseWorkflow.allowed(Kind.CRIME_AGAINST_PEACEKEEPERS, DORMANT, open),
                        open.value());
            }
        }
    }

    // ---------------------------------------------------------------------------- closed states

    @ParameterizedTest(name = "{0}")
    @EnumSource(Status.class)
    void closedStatusesArePerKind(Status status) {
        assertEquals(
                MISCONDUCT_CLOSED.contains(status), CaseWorkflow.isClosed(Kind.MISCONDUCT, status));
        assertEquals(
                CRIME_CLOSED.contains(status),
                CaseWorkflow.isClosed(Kind.CRIME_AGAINST_PEACEKEEPERS, status));
    }

    @Test
    void dormantIsNotClosed() {
        assertFalse(CaseWorkflow.isClosed(Kind.CRIME_AGAINST_PEACEKEEPERS, DORMANT));
    }

    // ---------------------------------------------------------------------------------- moving

    @Test
    void goingDormantRemembersTheStatusAndWakingUpForgetsIt() {
        CaseEntity c = aCase(Kind.CRIME_AGAINST_PEACEKEEPERS, ARRESTED);
        CaseWorkflow.move(c, DORMANT, TODAY);
        assertEquals(DORMANT, c.status);
        assertEquals(ARRESTED, c.statusBeforeDormant);
        assertNull(c.closedOn);

        CaseWorkflow.move(c, ARRESTED, TODAY);
        assertEquals(ARRESTED, c.status);
        assertNull(c.statusBeforeDormant);

        CaseWorkflow.move(c, CHARGED, TODAY);
        CaseWorkflow.move(c, DORMANT, TODAY);
        assertEquals(
                CHARGED, c.statusBeforeDormant, "a second sleep remembers where the case was then");
        ProblemException refused =
                assertThrows(ProblemException.class, () -> CaseWorkflow.move(c, ARRESTED, TODAY));
        assertEquals(List.of("charged"), refused.allowed());
    }

    @Test
    void closingSetsClosedOnAndReopeningClearsIt() {
        CaseEntity c = aCase(Kind.MISCONDUCT, UNDER_INVESTIGATION);
        CaseWorkflow.move(c, NOT_SUBSTANTIATED, TODAY);
        assertEquals(TODAY, c.closedOn);

        // From one closed status to another: closed on the day of the last move.
        CaseWorkflow.move(c, CLOSED, TODAY.plusDays(3));
        assertEquals(TODAY.plusDays(3), c.closedOn);

        CaseWorkflow.move(c, PRELIMINARY_ASSESSMENT, TODAY.plusDays(4));
        assertEquals(PRELIMINARY_ASSESSMENT, c.status);
        assertNull(c.closedOn);
        assertNull(c.statusBeforeDormant);
    }

    @Test
    void aFinalCrimeStatusClosesTheCase() {
        for (Status end : CRIME_CLOSED) {
            CaseEntity c = aCase(Kind.CRIME_AGAINST_PEACEKEEPERS, ON_TRIAL);
            CaseWorkflow.move(c, end, TODAY);
            assertEquals(end, c.status);
            assertEquals(TODAY, c.closedOn);
        }
    }

    @Test
    void aRefusedMoveIsAConflictNamingTheAllowedMovesAndChangesNothing() {
        CaseEntity c = aCase(Kind.MISCONDUCT, PRELIMINARY_ASSESSMENT);
        ProblemException refused =
                assertThrows(ProblemException.class, () -> CaseWorkflow.move(c, CLOSED, TODAY));
        assertEquals(409, refused.status());
        assertEquals("/problems/invalid-transition", refused.type());
        assertEquals(
                Set.of("closed_no_basis", "under_review_limited_information", "referred"),
                Set.copyOf(refused.allowed()));
        assertEquals(
                "Case UNMISS-2024-0001 is preliminary_assessment and cannot move to closed.",
                refused.getMessage());
        assertEquals(PRELIMINARY_ASSESSMENT, c.status);
        assertNull(c.closedOn);
        assertNull(c.statusBeforeDormant);
    }

    @Test
    void aCaseCannotStayWhereItIs() {
        for (Status status : List.of(REPORTED, ARRESTED)) {
            CaseEntity c = aCase(Kind.CRIME_AGAINST_PEACEKEEPERS, status);
            assertThrows(ProblemException.class, () -> CaseWorkflow.move(c, status, TODAY));
        }
    }

    private static Set<Status> allowed(Kind kind, Status from, Status beforeDormant) {
        return Set.copyOf(CaseWorkflow.allowed(kind, from, beforeDormant));
    }

    private static CaseEntity aCase(Kind kind, Status status) {
        CaseEntity c = new CaseEntity();
        c.kind = kind;
        c.status = status;
        c.reference = "UNMISS-2024-0001";
        return c;
    }
}
