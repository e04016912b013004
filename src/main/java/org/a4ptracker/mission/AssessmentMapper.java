package org.a4ptracker.mission;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.a4ptracker.api.model.Assessment;
import org.a4ptracker.api.model.AssessmentInput;
import org.a4ptracker.api.model.IndicatorValue;
import org.a4ptracker.api.model.IndicatorValueInput;
import org.a4ptracker.api.model.Rating;
import org.a4ptracker.platform.persistence.StoredEnum;
import org.a4ptracker.priority.PriorityLookup;

/** Between stored assessments and the API's models, both ways. */
final class AssessmentMapper {

    private AssessmentMapper() {}

    /**
     * {@code indicators} holds at least the indicators the assessment has values of, for their
     * codes.
     */
    static Assessment toApi(AssessmentEntity a, Map<UUID, PriorityLookup.Indicator> indicators) {
        return new Assessment()
                .id(a.id)
                .missionAcronym(a.missionAcronym)
                .priorityCode(a.priorityCode)
                .period(ReportingPeriod.startingOn(a.periodStart).toString())
                .rating(rating(a.rating))
                .score(a.score)
                .narrative(a.narrative)
                .indicatorValues(
                        a.indicatorValues.stream()
                                .map(
                                        v ->
                                                new IndicatorValue()
                                                        .indicatorId(v.indicatorId)
                                                        .indicatorCode(
                                                                indicators
                                                                        .get(v.indicatorId)
                                                                        .code())
                                                        .value(v.value)
                                                        .note(v.note))
                                .toList())
                .createdAt(a.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .updatedAt(a.updatedAt.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** Writes what the input says into the assessment; {@code period} is the input's, parsed. */
    static void apply(AssessmentInput input, ReportingPeriod period, AssessmentEntity assessment) {
        assessment.priorityCode = input.getPriorityCode();
        assessment.periodStart = period.start();
        assessment.rating = rating(input.getRating());
        assessment.score = input.getScore();
        assessment.narrative = input.getNarrative();
        assessment.indicatorValues.clear();
        List<IndicatorValueInput> values =
                input.getIndicatorValues() == null ? List.of() : input.getIndicatorValues();
        for (IndicatorValueInput value : values) {
            AssessmentEntity.IndicatorValue stored = new AssessmentEntity.IndicatorValue();
            stored.indicatorId = value.getIndicatorId();
            stored.value = value.getValue();
            stored.note = value.getNote();
            assessment.indicatorValues.add(stored);
        }
    }

    static AssessmentEntity.Rating rating(Rating rating) {
        return StoredEnum.fromApi(AssessmentEntity.Rating.class, rating);
    }

    static Rating rating(AssessmentEntity.Rating rating) {
        return rating == null ? null : Rating.fromValue(rating.value());
    }
}
