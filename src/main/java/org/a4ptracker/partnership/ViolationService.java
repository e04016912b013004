package org.a4ptracker.partnership;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.a4ptracker.api.model.EventType;
import org.a4ptracker.api.model.ProblemError;
import org.a4ptracker.api.model.Violation;
import org.a4ptracker.api.model.ViolationInput;
import org.a4ptracker.api.model.ViolationPerpetrator;
import org.a4ptracker.api.model.ViolationStatus;
import org.a4ptracker.api.model.ViolationType;
import org.a4ptracker.events.ChangeEvents;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.http.Versioned;
import org.a4ptracker.platform.persistence.Dates;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.security.CallerScope;

/** The violations of a partnership's agreement that the caller may see. */
@ApplicationScoped
@Transactional
public class ViolationService {

    private final PartnershipRepository partnerships;
    private final ViolationRepository violations;
    private final CallerScope scope;
    private final ChangeEvents events;

    ViolationService(
            PartnershipRepository partnerships,
            ViolationRepository violations,
            CallerScope scope,
            ChangeEvents events) {
        this.events = events;
        this.partnerships = partnerships;
        this.violations = violations;
        this.scope = scope;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Keyset.Page<Violation> list(
            UUID partnership,
            ViolationType type,
            ViolationStatus status,
            ViolationPerpetrator perpetrator,
            LocalDate from,
            LocalDate to,
            Keyset keyset) {
        partnerships.require(partnership, scope);
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalidParameter(
                    "occurred_to", "must not be before occurred_from");
        }
        var filter =
                new ViolationRepository.Filter(
                        ViolationMapper.type(type),
                        ViolationMapper.status(status),
                        ViolationMapper.perpetrator(perpetrator),
                        from,
                        to);
        return violations.page(partnership, filter, keyset).map(ViolationMapper::toApi);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Versioned<Violation> get(UUID partnership, UUID id) {
        return versioned(require(partnership, id));
    }

    public Versioned<Violation> create(UUID partnership, ViolationInput input) {
        PartnershipEntity parent = partnerships.require(partnership, scope);
        validate(input);
        ViolationEntity violation = ViolationMapper.toEntity(partnership, input);
        violations.persistAndFlush(violation);
        return events.created(
                EventType.ORG_A4PTRACKER_VIOLATION_CREATED,
                subject(parent, violation),
                versioned(violation));
    }

    public Versioned<Violation> replace(
            UUID partnership, UUID id, String ifMatch, ViolationInput input) {
        ViolationEntity violation = require(partnership, id);
        ETags.requireMatch(ifMatch, violation.version);
        validate(input);
        JsonNode before = events.snapshot(ViolationMapper.toApi(violation));
        ViolationMapper.apply(violation, input);
        violations.flush();
        return events.updated(
                EventType.ORG_A4PTRACKER_VIOLATION_UPDATED,
                subject(partnerships.require(partnership, scope), violation),
                before,
                versioned(violation));
    }

    public void delete(UUID partnership, UUID id, String ifMatch) {
        ViolationEntity violation = require(partnership, id);
        ETags.requireMatch(ifMatch, violation.version);
        violations.delete(violation);
        violations.flush();
        events.deleted(
                EventType.ORG_A4PTRACKER_VIOLATION_DELETED,
                subject(partnerships.require(partnership, scope), violation));
    }

    private static ChangeEvents.Subject subject(
            PartnershipEntity partnership, ViolationEntity violation) {
        return new ChangeEvents.Subject(
                "/host-country-partnerships/" + partnership.id + "/violations/" + violation.id,
                partnership.missionAcronym,
                ChangeEvents.ids().partnershipId(partnership.id).violationId(violation.id));
    }

    private ViolationEntity require(UUID partnership, UUID id) {
        partnerships.require(partnership, scope);
        return violations
                .find(partnership, id)
                .orElseThrow(
                        () ->
                                ProblemException.notFound(
                                        "No violation "
                                                + id
                                                + " in partnership "
                                                + partnership
                                                + "."));
    }

    /** Not in the future; a resolution date exactly when resolved, and not before the violation. */
    private static void validate(ViolationInput input) {
        List<ProblemError> errors = new ArrayList<>();
        if (input.getOccurredOn().isAfter(Dates.today())) {
            errors.add(ProblemException.fieldError("/occurred_on", "must not be in the future"));
        }
        boolean resolved = input.getStatus() == ViolationStatus.RESOLVED;
        LocalDate resolution = input.getResolutionDate();
        if (resolved && resolution == null) {
            errors.add(
                    ProblemException.fieldError(
                            "/resolution_date", "is required when status is resolved"));
        } else if (!resolved && resolution != null) {
            errors.add(
                    ProblemException.fieldError(
                            "/resolution_date", "must be absent unless status is resolved"));
        } else if (resolution != null && resolution.isBefore(input.getOccurredOn())) {
            errors.add(
                    ProblemException.fieldError(
                            "/resolution_date", "must not be before occurred_on"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static Versioned<Violation> versioned(ViolationEntity violation) {
        return new Versioned<>(ViolationMapper.toApi(violation), violation.version);
    }
}
