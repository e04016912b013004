package org.a4ptracker.mission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.a4ptracker.api.model.Mandate;
import org.a4ptracker.api.model.MissionCreate;
import org.a4ptracker.api.model.MissionName;
import org.a4ptracker.api.model.MissionStatus;
import org.a4ptracker.api.model.MissionUpdate;
import org.a4ptracker.api.model.ProblemError;
import org.a4ptracker.platform.security.CallerScope;
import org.a4ptracker.platform.persistence.CountryCodes;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.http.MergePatch;
import org.a4ptracker.platform.http.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;

@ApplicationScoped
public class MissionService implements MissionLookup {

    /** Status order: a mission only moves to the right. */
    static final List<String> LIFE_CYCLE = List.of("active", "transition", "closed");

    private final MissionRepository missions;
    private final MissionBlockers blockers;
    private final MergePatch mergePatch;
    private final CallerScope scope;

    MissionService(MissionRepository missions, MissionBlockers blockers, MergePatch mergePatch, CallerScope scope) {
        this.missions = missions;
        this.blockers = blockers;
        this.mergePatch = mergePatch;
        this.scope = scope;
    }

    @Override
    @Transactional
    public boolean exists(String acronym) {
        return missions.findById(acronym) != null;
    }

    @Override
    @Transactional
    public Mission require(String acronym, CallerScope callerScope) {
        MissionEntity mission = missions.require(acronym, callerScope);
        return new Mission(mission.acronym, mission.nameEn, List.of(mission.hostCountries));
    }

    @Transactional
    public Keyset.Page<MissionEntity> list(MissionRepository.Filter filter, Keyset keyset) {
        return missions.page(filter, scope, keyset);
    }

    @Transactional
    public MissionEntity get(String acronym) {
        return missions.require(acronym, scope);
    }

    @Transactional
    public MissionEntity create(MissionCreate input) {
        if (!scope.sees(input.getAcronym())) {
            throw ProblemException.forbidden("Mission " + input.getAcronym() + " is outside the missions your token covers.");
        }
        if (missions.findById(input.getAcronym()) != null) {
            throw ProblemException.conflict("Mission " + input.getAcronym() + " already exists.");
        }
        MissionEntity mission = new MissionEntity();
        mission.acronym = input.getAcronym();
        mission.status = LIFE_CYCLE.get(0);
        apply(mission, new MissionUpdate()
                .name(input.getName())
                .hostCountries(input.getHostCountries())
                .hostTerritory(input.getHostTerritory())
                .startDate(input.getStartDate())
                .endDate(input.getEndDate())
                .mandate(input.getMandate())
                .headquarters(input.getHeadquarters())
                .status(input.getStatus() == null ? MissionStatus.ACTIVE : input.getStatus()));
        missions.persistAndFlush(mission);
        return mission;
    }

    @Transactional
    public MissionEntity replace(String acronym, String ifMatch, MissionUpdate input) {
        MissionEntity mission = missions.require(acronym, scope);
        ETags.requireMatch(ifMatch, mission.version);
        apply(mission, input);
        missions.flush();
        return mission;
    }

    @Transactional
    public MissionEntity patch(String acronym, String ifMatch, JsonNode patch) {
        MissionEntity mission = missions.require(acronym, scope);
        ETags.requireMatch(ifMatch, mission.version);
        apply(mission, mergePatch.apply(asUpdate(mission), patch, MissionUpdate.class));
        missions.flush();
        return mission;
    }

    @Transactional
    public void delete(String acronym, String ifMatch) {
        MissionEntity mission = missions.require(acronym, scope);
        ETags.requireMatch(ifMatch, mission.version);
        List<String> blocking = blockers.describe(acronym);
        if (!blocking.isEmpty()) {
            throw ProblemException.conflict("Mission " + acronym + " still has " + String.join(", ", blocking)
                    + "; close the mission instead of deleting it.");
        }
        missions.delete(mission);
        missions.flush();
    }

    private void apply(MissionEntity mission, MissionUpdate input) {
        validate(input);
        String target = input.getStatus().toString();
        int from = LIFE_CYCLE.indexOf(mission.status);
        if (LIFE_CYCLE.indexOf(target) < from) {
            throw ProblemException.invalidTransition("Mission " + mission.acronym + " is " + mission.status
                    + "; its status can only move forward.", LIFE_CYCLE.subList(from, LIFE_CYCLE.size()));
        }
        if (mission.startDate != null) {
            long outside = blockers.assessmentsOutside(mission.acronym, input.getStartDate(), input.getEndDate());
            if (outside > 0) {
                throw ProblemException.conflict("Mission " + mission.acronym + " has " + outside
                        + " assessment(s) for periods outside the new start and end dates.");
            }
        }
        mission.nameEn = input.getName().getEn();
        mission.nameFr = input.getName().getFr();
        mission.hostCountries = input.getHostCountries().toArray(String[]::new);
        mission.hostTerritory = input.getHostTerritory();
        mission.startDate = input.getStartDate();
        mission.endDate = input.getEndDate();
        mission.mandateResolution = input.getMandate() == null ? null : input.getMandate().getResolution();
        mission.mandateAdoptedOn = input.getMandate() == null ? null : input.getMandate().getAdoptedOn();
        mission.headquarters = input.getHeadquarters();
        mission.status = target;
    }

    private static void validate(MissionUpdate input) {
        List<ProblemError> errors = new ArrayList<>();
        List<String> countries = List.copyOf(input.getHostCountries());
        for (int i = 0; i < countries.size(); i++) {
            if (!CountryCodes.isAlpha3(countries.get(i))) {
                errors.add(ProblemException.fieldError("/host_countries/" + i, "is not an ISO 3166-1 alpha-3 country code"));
            }
        }
        if (countries.isEmpty() && input.getHostTerritory() == null) {
            errors.add(ProblemException.fieldError("/host_countries", "must name a country unless host_territory is given"));
        }
        if (input.getEndDate() != null && input.getEndDate().isBefore(input.getStartDate())) {
            errors.add(ProblemException.fieldError("/end_date", "must not be before start_date"));
        }
        if (input.getStatus() == MissionStatus.CLOSED && input.getEndDate() == null) {
            errors.add(ProblemException.fieldError("/end_date", "is required when status is closed"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    static MissionUpdate asUpdate(MissionEntity m) {
        return new MissionUpdate()
                .name(new MissionName().en(m.nameEn).fr(m.nameFr))
                .hostCountries(new LinkedHashSet<>(Arrays.asList(m.hostCountries)))
                .hostTerritory(m.hostTerritory)
                .startDate(m.startDate)
                .endDate(m.endDate)
                .mandate(m.mandateResolution == null ? null
                        : new Mandate().resolution(m.mandateResolution).adoptedOn(m.mandateAdoptedOn))
                .headquarters(m.headquarters)
                .status(MissionStatus.fromValue(m.status));
    }
}
