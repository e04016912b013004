package org.a4ptracker.accountability;

import static org.a4ptracker.accountability.CaseEntity.Status.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.a4ptracker.accountability.CaseEntity.Kind;
import org.a4ptracker.accountability.CaseEntity.Status;
import org.a4ptracker.platform.http.ProblemException;

/**
 * The statuses a case may move to, per kind. A misconduct case that is closed in any way can be
 * re-opened to preliminary assessment; a crime case can go dormant from any open status and comes
 * back to the status it left.
 */
final class CaseWorkflow {

    private static final Status REOPENED = PRELIMINARY_ASSESSMENT;

    private static final Map<Status, List<Status>> MISCONDUCT =
            Map.ofEntries(
                    Map.entry(REPORTED, List.of(PRELIMINARY_ASSESSMENT)),
                    Map.entry(
                            PRELIMINARY_ASSESSMENT,
                            List.of(CLOSED_NO_BASIS, UNDER_REVIEW_LIMITED_INFORMATION, REFERRED)),
                    Map.entry(
                            UNDER_REVIEW_LIMITED_INFORMATION,
                            List.of(UNDER_INVESTIGATION, PENDING_MEMBER_STATE_INVESTIGATION)),
                    Map.entry(
                            REFERRED,
                            List.of(UNDER_INVESTIGATION, PENDING_MEMBER_STATE_INVESTIGATION)),
                    Map.entry(
                            UNDER_INVESTIGATION,
                            List.of(SUBSTANTIATED, NOT_SUBSTANTIATED, CLOSED_OTHER)),
                    Map.entry(
                            PENDING_MEMBER_STATE_INVESTIGATION,
                            List.of(SUBSTANTIATED, NOT_SUBSTANTIATED, CLOSED_OTHER)),
                    Map.entry(SUBSTANTIATED, List.of(ACTION_PENDING)),
                    Map.entry(ACTION_PENDING, List.of(ACTION_TAKEN)),
                    Map.entry(ACTION_TAKEN, List.of(CLOSED)),
                    Map.entry(NOT_SUBSTANTIATED, List.of(CLOSED, REOPENED)),
                    Map.entry(CLOSED_OTHER, List.of(CLOSED, REOPENED)),
                    Map.entry(CLOSED_NO_BASIS, List.of(REOPENED)),
                    Map.entry(CLOSED, List.of(REOPENED)));

    private static final Set<Status> MISCONDUCT_CLOSED =
            Set.of(CLOSED, CLOSED_NO_BASIS, CLOSED_OTHER, NOT_SUBSTANTIATED);

    private static final Map<Status, List<Status>> CRIME =
            Map.ofEntries(
                    Map.entry(
                            REPORTED,
                            List.of(NO_NATIONAL_INVESTIGATION, INVESTIGATION_OPENED, DORMANT)),
                    Map.entry(NO_NATIONAL_INVESTIGATION, List.of(INVESTIGATION_OPENED, DORMANT)),
                    Map.entry(INVESTIGATION_OPENED, List.of(SUSPECTS_IDENTIFIED, DORMANT)),
                    Map.entry(SUSPECTS_IDENTIFIED, List.of(ARRESTED, DORMANT)),
                    Map.entry(ARRESTED, List.of(CHARGED, DORMANT)),
                    Map.entry(CHARGED, List.of(ON_TRIAL, DORMANT)),
                    Map.entry(ON_TRIAL, List.of(CONVICTED, ACQUITTED, DISMISSED, DORMANT)));

    private static final Set<Status> CRIME_CLOSED = Set.of(CONVICTED, ACQUITTED, DISMISSED);

    private CaseWorkflow() {}

    /**
     * Moves the case to {@code target} on {@code today}, or refuses (409) naming the moves it may
     * make. Going dormant remembers where the case was; reaching a closed status sets {@code
     * closedOn}, leaving one clears it.
     */
    static void move(CaseEntity c, Status target, LocalDate today) {
        List<Status> allowed = allowed(c.kind, c.status, c.statusBeforeDormant);
        if (!allowed.contains(target)) {
            throw ProblemException.invalidTransition(
                    "Case "
                            + c.reference
                            + " is "
                            + c.status.value()
                            + " and cannot move to "
                            + target.value()
                            + ".",
                    allowed.stream().map(Status::value).toList());
        }
        c.statusBeforeDormant = target == DORMANT ? c.status : null;
        c.status = target;
        c.closedOn = isClosed(c.kind, target) ? today : null;
    }

    /**
     * Where a case of {@code kind} may go from {@code status}; a dormant crime only back to where
     * it slept.
     */
    static List<Status> allowed(Kind kind, Status status, Status beforeDormant) {
        if (kind == Kind.MISCONDUCT) {
            return MISCONDUCT.getOrDefault(status, List.of());
        }
        if (status == DORMANT) {
            return List.of(beforeDormant);
        }
        return CRIME.getOrDefault(status, List.of());
    }

    static boolean isClosed(Kind kind, Status status) {
        return kind == Kind.MISCONDUCT
                ? MISCONDUCT_CLOSED.contains(status)
                : CRIME_CLOSED.contains(status);
    }
}
