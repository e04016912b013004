package org.a4ptracker.accountability;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statuses a case may move to, per kind. A misconduct case that is closed in any way can be
 * re-opened to preliminary assessment; a crime case can go dormant from any open status and
 * comes back to the status it left.
 */
final class CaseWorkflow {

    static final String REPORTED = "reported";
    static final String DORMANT = "dormant";
    private static final String REOPENED = "preliminary_assessment";

    private static final Map<String, List<String>> MISCONDUCT = Map.ofEntries(
            Map.entry(REPORTED, List.of("preliminary_assessment")),
            Map.entry("preliminary_assessment", List.of("closed_no_basis", "under_review_limited_information", "referred")),
            Map.entry("under_review_limited_information", List.of("under_investigation", "pending_member_state_investigation")),
            Map.entry("referred", List.of("under_investigation", "pending_member_state_investigation")),
            Map.entry("under_investigation", List.of("substantiated", "not_substantiated", "closed_other")),
            Map.entry("pending_member_state_investigation", List.of("substantiated", "not_substantiated", "closed_other")),
            Map.entry("substantiated", List.of("action_pending")),
            Map.entry("action_pending", List.of("action_taken")),
            Map.entry("action_taken", List.of("closed")),
            Map.entry("not_substantiated", List.of("closed", REOPENED)),
            Map.entry("closed_other", List.of("closed", REOPENED)),
            Map.entry("closed_no_basis", List.of(REOPENED)),
            Map.entry("closed", List.of(REOPENED)));

    private static final Set<String> MISCONDUCT_CLOSED = Set.of("closed", "closed_no_basis", "closed_other", "not_substantiated");

    private static final Map<String, List<String>> CRIME = Map.ofEntries(
            Map.entry(REPORTED, List.of("no_national_investigation", "investigation_opened", DORMANT)),
            Map.entry("no_national_investigation", List.of("investigation_opened", DORMANT)),
            Map.entry("investigation_opened", List.of("suspects_identified", DORMANT)),
            Map.entry("suspects_identified", List.of("arrested", DORMANT)),
            Map.entry("arrested", List.of("charged", DORMANT)),
            Map.entry("charged", List.of("on_trial", DORMANT)),
            Map.entry("on_trial", List.of("convicted", "acquitted", "dismissed", DORMANT)));

    private static final Set<String> CRIME_CLOSED = Set.of("convicted", "acquitted", "dismissed");

    private CaseWorkflow() {
    }

    /** Where a case may go from where it is now. */
    static List<String> allowed(CaseEntity c) {
        if (c.isMisconduct()) {
            return MISCONDUCT.getOrDefault(c.status, List.of());
        }
        if (DORMANT.equals(c.status)) {
            return List.of(c.statusBeforeDormant);
        }
        return CRIME.getOrDefault(c.status, List.of());
    }

    static boolean isClosed(String kind, String status) {
        return CaseEntity.MISCONDUCT.equals(kind) ? MISCONDUCT_CLOSED.contains(status) : CRIME_CLOSED.contains(status);
    }
}
