package org.a4ptracker.partnership;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.a4ptracker.mission.MissionDependents;

/** A mission's host-country partnerships keep it from being deleted. */
@ApplicationScoped
@Priority(10)
class MissionPartnerships implements MissionDependents {

    private final PartnershipRepository partnerships;

    MissionPartnerships(PartnershipRepository partnerships) {
        this.partnerships = partnerships;
    }

    @Override
    public Optional<String> describe(String acronym) {
        return MissionDependents.counted(
                partnerships.count("missionAcronym", acronym), "host-country partnership(s)");
    }
}
