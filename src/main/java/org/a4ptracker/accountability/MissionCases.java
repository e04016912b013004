package org.a4ptracker.accountability;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.a4ptracker.mission.MissionDependents;

/** A mission's accountability cases keep it from being deleted. */
@ApplicationScoped
@Priority(20)
class MissionCases implements MissionDependents {

    private final CaseRepository cases;

    MissionCases(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public Optional<String> describe(String acronym) {
        return MissionDependents.counted(
                cases.count("missionAcronym", acronym), "accountability case(s)");
    }
}
