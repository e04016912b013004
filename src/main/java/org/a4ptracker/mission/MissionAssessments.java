package org.a4ptracker.mission;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A mission's assessments keep it from being deleted; named first, as they belong to the mission
 * itself.
 */
@ApplicationScoped
@Priority(30)
class MissionAssessments implements MissionDependents {

    private final AssessmentRepository assessments;

    MissionAssessments(AssessmentRepository assessments) {
        this.assessments = assessments;
    }

    @Override
    public Optional<String> describe(String acronym) {
        return MissionDependents.counted(
                assessments.count("missionAcronym", acronym), "assessment(s)");
    }
}
