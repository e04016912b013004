package org.a4ptracker.partnership;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.a4ptracker.accountability.JudicialPipelines;
import org.a4ptracker.api.model.Agreement;
import org.a4ptracker.api.model.AgreementType;
import org.a4ptracker.api.model.EventType;
import org.a4ptracker.api.model.HistoryEntry;
import org.a4ptracker.api.model.Partnership;
import org.a4ptracker.api.model.PartnershipCreate;
import org.a4ptracker.api.model.PartnershipStatus;
import org.a4ptracker.api.model.PartnershipSummary;
import org.a4ptracker.api.model.PartnershipUpdate;
import org.a4ptracker.api.model.ProblemError;
import org.a4ptracker.events.ChangeEvents;
import org.a4ptracker.mission.MissionLookup;
import org.a4ptracker.platform.audit.RevisionHistory;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.MergePatch;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.http.Versioned;
import org.a4ptracker.platform.persistence.CountryCodes;
import org.a4ptracker.platform.persistence.Dates;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.security.CallerScope;

/** Partnerships, their summary and their history, each scoped to the caller's missions. */
@ApplicationScoped
@Transactional
public class PartnershipService {

    private final PartnershipRepository partnerships;
    private final CommitmentRepository commitments;
    private final ViolationRepository violations;
    private final PartnershipSummaryQueries summaries;
    private final MissionLookup missions;
    private final JudicialPipelines judicialPipelines;
    private final RevisionHistory revisionHistory;
    private final MergePatch mergePatch;
    private final CallerScope scope;
    private final ChangeEvents events;

    PartnershipService(
            PartnershipRepository partnerships,
            CommitmentRepository commitments,
            ViolationRepository violations,
            PartnershipSummaryQueries summaries,
            MissionLookup missions,
            JudicialPipelines judicialPipelines,
            RevisionHistory revisionHistory,
            MergePatch mergePatch,
            CallerScope scope,
            ChangeEvents events) {
        this.events = events;
        this.partnerships = partnerships;
        this.commitments = commitments;
        this.violations = violations;
        this.summaries = summaries;
        this.missions = missions;
        this.judicialPipelines = judicialPipelines;
        this.revisionHistory = revisionHistory;
        this.mergePatch = mergePatch;
        this.scope = scope;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Keyset.Page<Partnership> list(
            String mission,
            String country,
            PartnershipStatus status,
            AgreementType agreementType,
            Keyset keyset) {
        var filter =
                new PartnershipRepository.Filter(
                        mission,
                        country,
                        PartnershipMapper.status(status),
                        PartnershipMapper.agreementType(agreementType));
        return partnerships.page(filter, scope, keyset).map(PartnershipMapper::toApi);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Versioned<Partnership> get(UUID id) {
        return versioned(partnerships.require(id, scope));
    }

    public Versioned<Partnership> create(PartnershipCreate input) {
        MissionLookup.Mission mission = missions.require(input.getMissionAcronym(), scope);
        List<ProblemError> errors = new ArrayList<>();
        String country = input.getCountryCode();
        if (!CountryCodes.isAlpha3(country)) {
            errors.add(
                    ProblemException.fieldError(
                            "/country_code", "is not an ISO 3166-1 alpha-3 country code"));
        } else if (!mission.hostCountries().contains(country)) {
            errors.add(
                    ProblemException.fieldError(
                            "/country_code",
                            "is not a host country of mission "
                                    + mission.acronym()
                                    + (mission.hostCountries().isEmpty()
                                            ? " (it has none)"
                                            : " ("
                                                    + String.join(", ", mission.hostCountries())
                                                    + ")")));
        }
        errors.addAll(agreementErrors(input.getAgreement()));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (partnerships.exists(mission.acronym(), country)) {
            throw ProblemException.conflict(
                    "Mission "
                            + mission.acronym()
                            + " already has a partnership with "
                            + country
                            + ".");
        }
        PartnershipEntity partnership = PartnershipMapper.toEntity(mission.acronym(), input);
        partnerships.persistAndFlush(partnership);
        return events.created(
                EventType.ORG_A4PTRACKER_PARTNERSHIP_CREATED,
                subject(partnership),
                versioned(partnership));
    }

    public Versioned<Partnership> replace(UUID id, String ifMatch, PartnershipUpdate input) {
        PartnershipEntity partnership = partnerships.require(id, scope);
        ETags.requireMatch(ifMatch, partnership.version);
        return update(partnership, input);
    }

    public Versioned<Partnership> patch(UUID id, String ifMatch, JsonNode patch) {
        PartnershipEntity partnership = partnerships.require(id, scope);
        ETags.requireMatch(ifMatch, partnership.version);
        return update(
                partnership,
                mergePatch.apply(
                        PartnershipMapper.toUpdate(partnership), patch, PartnershipUpdate.class));
    }

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
            throw ProblemException.conflict(
                    "Partnership "
                            + id
                            + " still has "
                            + String.join(" and ", blocking)
                            + "; terminate the partnership instead of deleting it.");
        }
        partnerships.delete(partnership);
        partnerships.flush();
        events.deleted(EventType.ORG_A4PTRACKER_PARTNERSHIP_DELETED, subject(partnership));
    }

    static ChangeEvents.Subject subject(PartnershipEntity partnership) {
        return new ChangeEvents.Subject(
                "/host-country-partnerships/" + partnership.id,
                partnership.missionAcronym,
                ChangeEvents.ids().partnershipId(partnership.id));
    }

    /**
     * Open violations, their trend, overdue commitments, benchmarks and the host state's judicial
     * follow-up.
     */
    public PartnershipSummary summary(UUID id) {
        PartnershipEntity partnership = partnerships.require(id, scope);
        LocalDate today = Dates.today();
        return PartnershipMapper.toSummary(
                partnership,
                today,
                summaries.figures(id, today),
                judicialPipelines.ofMission(partnership.missionAcronym, scope));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Keyset.Page<HistoryEntry> history(UUID id, Keyset keyset) {
        partnerships.require(id, scope);
        return revisionHistory.page(PartnershipEntity.class, id, PartnershipMapper.HISTORY, keyset);
    }

    private Versioned<Partnership> update(PartnershipEntity partnership, PartnershipUpdate input) {
        List<ProblemError> errors = agreementErrors(input.getAgreement());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        JsonNode before = events.snapshot(PartnershipMapper.toApi(partnership));
        PartnershipMapper.apply(partnership, input);
        partnerships.flush();
        Versioned<Partnership> after = versioned(partnership);
        boolean transition =
                events.changedFields(before, after.body()).stream()
                        .anyMatch(f -> f.startsWith("transition_plan"));
        return events.updated(
                transition
                        ? EventType.ORG_A4PTRACKER_PARTNERSHIP_TRANSITION_CHANGED
                        : EventType.ORG_A4PTRACKER_PARTNERSHIP_UPDATED,
                subject(partnership),
                before,
                after);
    }

    private static Versioned<Partnership> versioned(PartnershipEntity partnership) {
        return new Versioned<>(PartnershipMapper.toApi(partnership), partnership.version);
    }

    private static List<ProblemError> agreementErrors(Agreement agreement) {
        List<ProblemError> errors = new ArrayList<>();
        if (agreement.getSignedDate() != null
                && agreement.getInForceDate() != null
                && agreement.getInForceDate().isBefore(agreement.getSignedDate())) {
            errors.add(
                    ProblemException.fieldError(
                            "/agreement/in_force_date", "must not be before signed_date"));
        }
        return errors;
    }
}
