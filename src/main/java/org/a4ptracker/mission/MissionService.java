package org.a4ptracker.mission;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.a4ptracker.api.model.EventType;
import org.a4ptracker.api.model.MissionCreate;
import org.a4ptracker.api.model.MissionSort;
import org.a4ptracker.api.model.MissionStatus;
import org.a4ptracker.api.model.MissionUpdate;
import org.a4ptracker.api.model.ProblemError;
import org.a4ptracker.events.ChangeEvents;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.MergePatch;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.http.Versioned;
import org.a4ptracker.platform.persistence.CountryCodes;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.persistence.ReadCache;
import org.a4ptracker.platform.security.CallerScope;

@ApplicationScoped
@Transactional
class MissionService implements MissionLookup {

    private final MissionRepository missions;
    private final AssessmentRepository assessments;
    private final List<MissionDependents> dependents;
    private final MergePatch mergePatch;
    private final CallerScope scope;
    private final ReadCache cache;
    private final ChangeEvents events;
    private final ReadCache.Region<String, Held> held;

    /** The topic the V13 trigger announces for the mission table. */
    static final String TOPIC = "missions";

    /** A mission as its GET shows it and as other features see it. */
    private record Held(Versioned<org.a4ptracker.api.model.Mission> shown, Mission lookup) {}

    /**
     * {@code dependents} come in their {@code @Priority} order, highest first: the order the 409
     * names them in.
     */
    MissionService(
            MissionRepository missions,
            AssessmentRepository assessments,
            @All List<MissionDependents> dependents,
            MergePatch mergePatch,
            CallerScope scope,
            ReadCache cache,
            ChangeEvents events) {
        this.events = events;
        this.missions = missions;
        this.assessments = assessments;
        this.dependents = dependents;
        this.mergePatch = mergePatch;
        this.scope = scope;
        this.cache = cache;
        this.held = cache.region(TOPIC);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String acronym) {
        return find(acronym) != null;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Mission require(String acronym, CallerScope callerScope) {
        return require(acronym, callerScope, Held::lookup);
    }

    /** From memory while the mission did not change (see {@link ReadCache}). */
    private Held find(String acronym) {
        return held.get(
                acronym,
                a -> {
                    MissionEntity found = missions.findById(a);
                    return found == null
                            ? null
                            : new Held(versioned(found), MissionMapper.toLookup(found));
                });
    }

    private <T> T require(String acronym, CallerScope callerScope, Function<Held, T> part) {
        Held found = callerScope.sees(acronym) ? find(acronym) : null;
        if (found == null) {
            throw ProblemException.notFound("No mission " + acronym + ".");
        }
        return part.apply(found);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Keyset.Page<org.a4ptracker.api.model.Mission> list(
            MissionStatus status,
            String hostCountry,
            String text,
            LocalDate startedAfter,
            LocalDate startedBefore,
            MissionSort sort,
            Keyset keyset) {
        var filter =
                new MissionRepository.Filter(
                        MissionMapper.status(status),
                        hostCountry,
                        text,
                        startedAfter,
                        startedBefore,
                        sort == null ? MissionSort.ACRONYM.toString() : sort.toString());
        return missions.page(filter, scope, keyset).map(MissionMapper::toApi);
    }

    /** The mission as {@link #get} answers it, from memory only; empty when it must be read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<Versioned<org.a4ptracker.api.model.Mission>> held(String acronym) {
        return scope.sees(acronym) ? held.held(acronym).map(Held::shown) : Optional.empty();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Versioned<org.a4ptracker.api.model.Mission> get(String acronym) {
        return require(acronym, scope, Held::shown);
    }

    Versioned<org.a4ptracker.api.model.Mission> create(MissionCreate input) {
        if (!scope.sees(input.getAcronym())) {
            throw ProblemException.forbidden(
                    "Mission "
                            + input.getAcronym()
                            + " is outside the missions your token covers.");
        }
        if (missions.findById(input.getAcronym()) != null) {
            throw ProblemException.conflict("Mission " + input.getAcronym() + " already exists.");
        }
        MissionEntity mission = new MissionEntity();
        mission.acronym = input.getAcronym();
        mission.status = MissionEntity.Status.ACTIVE;
        MissionUpdate update = MissionMapper.toUpdate(input);
        if (update.getStatus() == null) {
            update.status(MissionStatus.ACTIVE);
        }
        apply(mission, update);
        missions.persistAndFlush(mission);
        cache.changedOnCommit(TOPIC);
        return events.created(
                EventType.ORG_A4PTRACKER_MISSION_CREATED, subject(mission), versioned(mission));
    }

    Versioned<org.a4ptracker.api.model.Mission> replace(
            String acronym, String ifMatch, MissionUpdate input) {
        MissionEntity mission = missions.require(acronym, scope);
        ETags.requireMatch(ifMatch, mission.version);
        JsonNode before = events.snapshot(MissionMapper.toApi(mission));
        apply(mission, input);
        return changed(mission, before);
    }

    Versioned<org.a4ptracker.api.model.Mission> patch(
            String acronym, String ifMatch, JsonNode patch) {
        MissionEntity mission = missions.require(acronym, scope);
        ETags.requireMatch(ifMatch, mission.version);
        JsonNode before = events.snapshot(MissionMapper.toApi(mission));
        apply(
                mission,
                mergePatch.apply(MissionMapper.toUpdate(mission), patch, MissionUpdate.class));
        return changed(mission, before);
    }

    private Versioned<org.a4ptracker.api.model.Mission> changed(
            MissionEntity mission, JsonNode before) {
        missions.flush();
        cache.changedOnCommit(TOPIC);
        return events.updated(
                EventType.ORG_A4PTRACKER_MISSION_UPDATED,
                subject(mission),
                before,
                versioned(mission));
    }

    private static ChangeEvents.Subject subject(MissionEntity mission) {
        return new ChangeEvents.Subject(
                "/missions/" + mission.acronym, mission.acronym, ChangeEvents.ids());
    }

    void delete(String acronym, String ifMatch) {
        MissionEntity mission = missions.require(acronym, scope);
        ETags.requireMatch(ifMatch, mission.version);
        List<String> blocking =
                dependents.stream()
                        .map(d -> d.describe(acronym))
                        .flatMap(Optional::stream)
                        .toList();
        if (!blocking.isEmpty()) {
            throw ProblemException.conflict(
                    "Mission "
                            + acronym
                            + " still has "
                            + String.join(", ", blocking)
                            + "; close the mission instead of deleting it.");
        }
        missions.delete(mission);
        missions.flush();
        cache.changedOnCommit(TOPIC);
        events.deleted(EventType.ORG_A4PTRACKER_MISSION_DELETED, subject(mission));
    }

    private void apply(MissionEntity mission, MissionUpdate input) {
        validate(input);
        MissionEntity.Status target = MissionMapper.status(input.getStatus());
        if (!mission.status.canMoveTo(target)) {
            throw ProblemException.invalidTransition(
                    "Mission "
                            + mission.acronym
                            + " is "
                            + mission.status.value()
                            + "; its status can only move forward.",
                    mission.status.reachable());
        }
        if (mission.startDate != null) {
            long outside =
                    assessments.outside(
                            mission.acronym,
                            ReportingPeriod.containing(input.getStartDate()),
                            input.getEndDate());
            if (outside > 0) {
                throw ProblemException.conflict(
                        "Mission "
                                + mission.acronym
                                + " has "
                                + outside
                                + " assessment(s) for periods outside the new start and end dates.");
            }
        }
        MissionMapper.apply(input, mission);
    }

    private static void validate(MissionUpdate input) {
        List<ProblemError> errors = new ArrayList<>();
        List<String> countries = List.copyOf(input.getHostCountries());
        for (int i = 0; i < countries.size(); i++) {
            if (!CountryCodes.isAlpha3(countries.get(i))) {
                errors.add(
                        ProblemException.fieldError(
                                "/host_countries/" + i,
                                "is not an ISO 3166-1 alpha-3 country code"));
            }
        }
        if (countries.isEmpty() && input.getHostTerritory() == null) {
            errors.add(
                    ProblemException.fieldError(
                            "/host_countries",
                            "must name a country unless host_territory is given"));
        }
        if (input.getEndDate() != null && input.getEndDate().isBefore(input.getStartDate())) {
            errors.add(ProblemException.fieldError("/end_date", "must not be before start_date"));
        }
        if (input.getStatus() == MissionStatus.CLOSED && input.getEndDate() == null) {
            errors.add(
                    ProblemException.fieldError("/end_date", "is required when status is closed"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static Versioned<org.a4ptracker.api.model.Mission> versioned(MissionEntity mission) {
        return new Versioned<>(MissionMapper.toApi(mission), mission.version);
    }
}
