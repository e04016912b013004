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
        long count = partnerships.count("missionAcronym", acronym);
        return count == 0 ? Optional.empty() : Optional.of(count + " host-country partnership(s)");
    }
}
