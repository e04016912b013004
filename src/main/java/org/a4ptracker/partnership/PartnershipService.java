package org.a4ptracker.partnership;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.a4ptracker.api.model.Agreement;
import org.a4ptracker.api.model.PartnershipCreate;
import org.a4ptracker.api.model.PartnershipStatus;
import org.a4ptracker.api.model.PartnershipUpdate;
import org.a4ptracker.api.model.ProblemError;
import org.a4ptracker.platform.security.CallerScope;
import org.a4ptracker.platform.persistence.CountryCodes;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.http.MergePatch;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.mission.MissionEntity;
import org.a4ptracker.mission.MissionRepository;

import com.fasterxml.jackson.databind.JsonNode;

@ApplicationScoped
public class PartnershipService {

    private final PartnershipRepository partnerships;
    private final CommitmentRepository commitments;
    private final ViolationRepository violations;
    private final MissionRepository missions;
    private final MergePatch mergePatch;
    private final CallerScope scope;

    PartnershipService(PartnershipRepository partnerships, CommitmentRepository commitments,
                       ViolationRepository violations, MissionRepository missions, MergePatch mergePatch,
                       CallerScope scope) {
        this.partnerships = partnerships;
        this.commitments = commitments;
        this.violations = violations;
        this.missions = missions;
        this.mergePatch = mergePatch;
        this.scope = scope;
    }

    @Transactional
    public Keyset.Page<PartnershipEntity> list(PartnershipRepository.Filter filter, Keyset keyset) {
        return partnerships.page(filter, scope, keyset);
    }

    @Transactional
    public PartnershipEntity get(UUID id) {
        return partnerships.require(id, scope);
    }

    @Transactional
    public PartnershipEntity create(PartnershipCreate input) {
        MissionEntity mission = missions.require(input.getMissionAcronym(), scope);
        List<ProblemError> errors = new ArrayList<>();
        String country = input.getCountryCode();
        if (!CountryCodes.isAlpha3(country)) {
            errors.add(ProblemException.fieldError("/country_code", "is not an ISO 3166-1 alpha-3 country code"));
        } else if (!Arrays.asList(mission.hostCountries).contains(country)) {
            errors.add(ProblemException.fieldError("/country_code", "is not a host country of mission " + mission.acronym
                    + (mission.hostCountries.length == 0 ? " (it has none)"
                            : " (" + String.join(", ", mission.hostCountries) + ")")));
        }
        errors.addAll(agreementErrors(input.getAgreement()));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (partnerships.exists(mission.acronym, country)) {
            throw ProblemException.conflict("Mission " + mission.acronym + " already has a partnership with " + country + ".");
        }
        PartnershipEntity partnership = new PartnershipEntity();
        partnership.missionAcronym = mission.acronym;
        partnership.countryCode = country;
        PartnershipMapper.apply(partnership, new PartnershipUpdate()
                .status(input.getStatus() == null ? PartnershipStatus.NEGOTIATING : input.getStatus())
                .agreement(input.getAgreement())
                .focalPoints(input.getFocalPoints())
                .resolution2589FocalPoint(input.getResolution2589FocalPoint())
                .transitionPlan(input.getTransitionPlan()));
        partnerships.persistAndFlush(partnership);
        return partnership;
    }

    @Transactional
    public PartnershipEntity replace(UUID id, String ifMatch, PartnershipUpdate input) {
        PartnershipEntity partnership = partnerships.require(id, scope);
        ETags.requireMatch(ifMatch, partnership.version);
        update(partnership, input);
        return partnership;
    }

    @Transactional
    public PartnershipEntity patch(UUID id, String ifMatch, JsonNode patch) {
        PartnershipEntity partnership = partnerships.require(id, scope);
        ETags.requireMatch(ifMatch, partnership.version);
        update(partnership, mergePatch.apply(PartnershipMapper.asUpdate(partnership), patch, PartnershipUpdate.class));
        return partnership;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        PartnershipEntity partnership = partnerships.require(id, scope);
        ETags.requireMatch(ifMatch, partnership.version);
        List<String> blocking = new ArrayList<>();
        long commitmentCount = commitments.countOf(id);
        if (commitmentCount > 0) {
            blocking.add(commitmentCount + " commitment(s)");
        }
        long violationCount = violations.countOf(id);
        if (violationCount > 0) {
            blocking.add(violationCount + " violation(s)");
        }
        if (!blocking.isEmpty()) {
            throw ProblemException.conflict("Partnership " + id + " still has " + String.join(" and ", blocking)
                    + "; terminate the partnership instead of deleting it.");
        }
        partnerships.delete(partnership);
        partnerships.flush();
    }

    private void update(PartnershipEntity partnership, PartnershipUpdate input) {
        List<ProblemError> errors = agreementErrors(input.getAgreement());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        PartnershipMapper.apply(partnership, input);
        partnerships.flush();
    }

    private static List<ProblemError> agreementErrors(Agreement agreement) {
        List<ProblemError> errors = new ArrayList<>();
        if (agreement.getSignedDate() != null && agreement.getInForceDate() != null
                && agreement.getInForceDate().isBefore(agreement.getSignedDate())) {
            errors.add(ProblemException.fieldError("/agreement/in_force_date", "must not be before signed_date"));
        }
        return errors;
    }
}
