package org.a4ptracker.mission;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.a4ptracker.priority.IndicatorDependents;

/** Values recorded in assessments keep their indicator from being deleted. */
@ApplicationScoped
class IndicatorValues implements IndicatorDependents {

    private final AssessmentRepository assessments;

    IndicatorValues(AssessmentRepository assessments) {
        this.assessments = assessments;
    }

    @Override
    public Optional<String> describe(UUID indicatorId) {
        long count = assessments.valuesOf(indicatorId);
        return count == 0
                ? Optional.empty()
                : Optional.of(count + " value(s) recorded in assessments");
    }
}
