package org.a4ptracker.mission;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.a4ptracker.api.model.Assessment;
import org.a4ptracker.api.model.AssessmentInput;
import org.a4ptracker.api.model.EventType;
import org.a4ptracker.api.model.IndicatorValueInput;
import org.a4ptracker.api.model.ProblemError;
import org.a4ptracker.api.model.Rating;
import org.a4ptracker.events.ChangeEvents;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.http.Versioned;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.persistence.StorableValues;
import org.a4ptracker.platform.security.CallerScope;
import org.a4ptracker.priority.PriorityLookup;

@ApplicationScoped
@Transactional
class AssessmentService {

    private final MissionRepository missions;
    private final MissionLookup lookup;
    private final AssessmentRepository assessments;
    private final PriorityLookup priorities;
    private final CallerScope scope;
    private final ChangeEvents events;

    /** {@code lookup} answers from memory where a mission only has to exist. */
    AssessmentService(
            MissionRepository missions,
            MissionLookup lookup,
            AssessmentRepository assessments,
            PriorityLookup priorities,
            CallerScope scope,
            ChangeEvents events) {
        this.events = events;
        this.missions = missions;
        this.lookup = lookup;
        this.assessments = assessments;
        this.priorities = priorities;
        this.scope = scope;
    }

    /**
     * {@code periodFrom} and {@code periodTo} are reporting periods ({@code 2021-Q3}); each filter
     * may be null.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    Keyset.Page<Assessment> list(
            String acronym,
            String priority,
            String periodFrom,
            String periodTo,
            Rating rating,
            Keyset keyset) {
        lookup.require(acronym, scope);
        var filter =
                new AssessmentRepository.Filter(
                        priority,
                        periodFrom == null ? null : ReportingPeriod.parse(periodFrom).start(),
                        periodTo == null ? null : ReportingPeriod.parse(periodTo).start(),
                        AssessmentMapper.rating(rating));
        Keyset.Page<AssessmentEntity> page = assessments.page(acronym, filter, keyset);
        Map<UUID, PriorityLookup.Indicator> indicators = indicatorsOf(page.items());
        return page.map(a -> AssessmentMapper.toApi(a, indicators));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Versioned<Assessment> get(String acronym, UUID id) {
        return versioned(require(acronym, id));
    }

    Versioned<Assessment> create(String acronym, AssessmentInput input) {
        MissionEntity mission = missions.require(acronym, scope);
        AssessmentEntity assessment = new AssessmentEntity();
        assessment.missionAcronym = mission.acronym;
        apply(mission, assessment, input);
        assessments.persistAndFlush(assessment);
        return events.created(
                EventType.ORG_A4PTRACKER_ASSESSMENT_CREATED,
                subject(assessment),
                versioned(assessment));
    }

    Versioned<Assessment> replace(String acronym, UUID id, String ifMatch, AssessmentInput input) {
        AssessmentEntity assessment = require(acronym, id);
        ETags.requireMatch(ifMatch, assessment.version);
        JsonNode before = events.snapshot(versioned(assessment).body());
        apply(missions.require(acronym, scope), assessment, input);
        assessments.flush();
        return events.updated(
                EventType.ORG_A4PTRACKER_ASSESSMENT_UPDATED,
                subject(assessment),
                before,
                versioned(assessment));
    }

    void delete(String acronym, UUID id, String ifMatch) {
        AssessmentEntity assessment = require(acronym, id);
        ETags.requireMatch(ifMatch, assessment.version);
        assessments.delete(assessment);
        assessments.flush();
        events.deleted(EventType.ORG_A4PTRACKER_ASSESSMENT_DELETED, subject(assessment));
    }

    private static ChangeEvents.Subject subject(AssessmentEntity assessment) {
        return new ChangeEvents.Subject(
                "/missions/" + assessment.missionAcronym + "/assessments/" + assessment.id,
                assessment.missionAcronym,
                ChangeEvents.ids().assessmentId(assessment.id));
    }

    private Versioned<Assessment> versioned(AssessmentEntity assessment) {
        return new Versioned<>(
                AssessmentMapper.toApi(assessment, indicatorsOf(List.of(assessment))),
                assessment.version);
    }

    /** The indicators named by these assessments, to show their codes. */
    private Map<UUID, PriorityLookup.Indicator> indicatorsOf(List<AssessmentEntity> page) {
        Set<UUID> ids = new HashSet<>();
        page.forEach(a -> a.indicatorValues.forEach(v -> ids.add(v.indicatorId)));
        return priorities.indicators(ids);
    }

    private AssessmentEntity require(String acronym, UUID id) {
        lookup.require(acronym, scope);
        return assessments
                .find(acronym, id)
                .orElseThrow(
                        () ->
                                ProblemException.notFound(
                                        "No assessment " + id + " for mission " + acronym + "."));
    }

    private void apply(MissionEntity mission, AssessmentEntity assessment, AssessmentInput input) {
        ReportingPeriod period = ReportingPeriod.parse(input.getPeriod());
        List<ProblemError> errors = new ArrayList<>();
        if (!mission.runsDuring(period)) {
            errors.add(
                    ProblemException.fieldError(
                            "/period",
                            "is outside the life of mission "
                                    + mission.acronym
                                    + " ("
                                    + mission.startDate
                                    + " to "
                                    + (mission.endDate == null ? "today" : mission.endDate)
                                    + ")"));
        }
        boolean notAssessed = input.getRating() == Rating.NOT_ASSESSED;
        if (notAssessed && input.getScore() != null) {
            errors.add(
                    ProblemException.fieldError(
                            "/score", "must be absent when the rating is not_assessed"));
        } else if (!notAssessed && input.getScore() == null) {
            errors.add(
                    ProblemException.fieldError(
                            "/score", "is required unless the rating is not_assessed"));
        }
        List<IndicatorValueInput> values =
                input.getIndicatorValues() == null ? List.of() : input.getIndicatorValues();
        Map<UUID, PriorityLookup.Indicator> known =
                priorities.indicators(
                        values.stream().map(IndicatorValueInput::getIndicatorId).toList());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            UUID indicatorId = values.get(i).getIndicatorId();
            PriorityLookup.Indicator indicator = known.get(indicatorId);
            if (indicator == null || !indicator.priorityCode().equals(input.getPriorityCode())) {
                errors.add(
                        ProblemException.fieldError(
                                "/indicator_values/" + i + "/indicator_id",
                                "is not an indicator of priority " + input.getPriorityCode()));
            } else if (!seen.add(indicatorId)) {
                errors.add(
                        ProblemException.fieldError(
                                "/indicator_values/" + i + "/indicator_id",
                                "appears more than once"));
            }
            StorableValues.checkMeasure(
                    "/indicator_values/" + i + "/value", values.get(i).getValue(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (assessments.periodTaken(
                mission.acronym, input.getPriorityCode(), period.start(), assessment.id)) {
            throw ProblemException.conflict(
                    "Mission "
                            + mission.acronym
                            + " already has an assessment of "
                            + input.getPriorityCode()
                            + " for "
                            + period
                            + ".");
        }
        AssessmentMapper.apply(input, period, assessment);
    }
}
