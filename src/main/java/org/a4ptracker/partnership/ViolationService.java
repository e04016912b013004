package org.a4ptracker.partnership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.a4ptracker.api.model.ProblemError;
import org.a4ptracker.api.model.ViolationInput;
import org.a4ptracker.api.model.ViolationStatus;
import org.a4ptracker.platform.security.CallerScope;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.persistence.Dates;

@ApplicationScoped
public class ViolationService {

    private final PartnershipRepository partnerships;
    private final ViolationRepository violations;
    private final CallerScope scope;

    ViolationService(PartnershipRepository partnerships, ViolationRepository violations, CallerScope scope) {
        this.partnerships = partnerships;
        this.violations = violations;
        this.scope = scope;
    }

    @Transactional
    public Keyset.Page<ViolationEntity> list(UUID partnership, ViolationRepository.Filter filter, Keyset keyset) {
        partnerships.require(partnership, scope);
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw ProblemException.invalidParameter("occurred_to", "must not be before occurred_from");
        }
        return violations.page(partnership, filter, keyset);
    }

    @Transactional
    public ViolationEntity get(UUID partnership, UUID id) {
        return require(partnership, id);
    }

    @Transactional
    public ViolationEntity create(UUID partnership, ViolationInput input) {
        partnerships.require(partnership, scope);
        ViolationEntity violation = new ViolationEntity();
        violation.partnershipId = partnership;
        apply(violation, input);
        violations.persistAndFlush(violation);
        return violation;
    }

    @Transactional
    public ViolationEntity replace(UUID partnership, UUID id, String ifMatch, ViolationInput input) {
        ViolationEntity violation = require(partnership, id);
        ETags.requireMatch(ifMatch, violation.version);
        apply(violation, input);
        violations.flush();
        return violation;
    }

    @Transactional
    public void delete(UUID partnership, UUID id, String ifMatch) {
        ViolationEntity violation = require(partnership, id);
        ETags.requireMatch(ifMatch, violation.version);
        violations.delete(violation);
        violations.flush();
    }

    private ViolationEntity require(UUID partnership, UUID id) {
        partnerships.require(partnership, scope);
        return violations.find(partnership, id)
                .orElseThrow(() -> ProblemException.notFound("No violation " + id + " in partnership " + partnership + "."));
    }

    private static void apply(ViolationEntity violation, ViolationInput input) {
        List<ProblemError> errors = new ArrayList<>();
        if (input.getOccurredOn().isAfter(Dates.today())) {
            errors.add(ProblemException.fieldError("/occurred_on", "must not be in the future"));
        }
        boolean resolved = input.getStatus() == ViolationStatus.RESOLVED;
        LocalDate resolution = input.getResolutionDate();
        if (resolved && resolution == null) {
            errors.add(ProblemException.fieldError("/resolution_date", "is required when status is resolved"));
        } else if (!resolved && resolution != null) {
            errors.add(ProblemException.fieldError("/resolution_date", "must be absent unless status is resolved"));
        } else if (resolution != null && resolution.isBefore(input.getOccurredOn())) {
            errors.add(ProblemException.fieldError("/resolution_date", "must not be before occurred_on"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        violation.occurredOn = input.getOccurredOn();
        violation.type = input.getType().toString();
        violation.perpetrator = input.getPerpetrator().toString();
        violation.location = input.getLocation();
        violation.description = input.getDescription();
        violation.raisedThrough = input.getRaisedThrough() == null ? null : input.getRaisedThrough().toString();
        violation.status = input.getStatus().toString();
        violation.resolutionDate = resolution;
        violation.resolutionNote = input.getResolutionNote();
    }
}
