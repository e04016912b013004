package org.a4ptracker.accountability;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.a4ptracker.api.model.CaseCreate;
import org.a4ptracker.api.model.CaseKind;
import org.a4ptracker.api.model.CrimeCaseCreate;
import org.a4ptracker.api.model.MisconductCaseCreate;
import org.a4ptracker.api.model.CaseUpdate;
import org.a4ptracker.api.model.TransitionInput;
import org.a4ptracker.api.model.HistoryPage;
import org.a4ptracker.platform.audit.AuditReason;
import org.a4ptracker.platform.audit.RevisionHistory;
import org.a4ptracker.platform.audit.AuditRevision;
import org.a4ptracker.platform.security.CallerScope;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.http.MergePatch;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.security.Roles;
import org.a4ptracker.mission.MissionRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.identity.SecurityIdentity;
import org.a4ptracker.platform.persistence.Dates;

@ApplicationScoped
public class CaseService {

    /** A case as the caller may see it: now, or as it was on a past day. */
    public record View(CaseEntity entity, boolean full, LocalDate day, boolean current) {
    }

    private final CaseRepository cases;
    private final MissionRepository missions;
    private final CallerScope scope;
    private final SecurityIdentity caller;
    private final MergePatch mergePatch;
    private final AuditReason auditReason;
    private final EntityManager em;
    private final RevisionHistory revisionHistory;
    private final int targetDays;

    CaseService(CaseRepository cases, MissionRepository missions, CallerScope scope, SecurityIdentity caller,
                MergePatch mergePatch, AuditReason auditReason, EntityManager em, RevisionHistory revisionHistory,
                @ConfigProperty(name = "a4p.sea-investigation-target-days") int targetDays) {
        this.cases = cases;
        this.missions = missions;
        this.scope = scope;
        this.caller = caller;
        this.mergePatch = mergePatch;
        this.auditReason = auditReason;
        this.em = em;
        this.revisionHistory = revisionHistory;
        this.targetDays = targetDays;
    }

    public int targetDays() {
        return targetDays;
    }

    /** Conduct officers and admins see victims and paternity claims; everyone else gets counts. */
    public boolean fullView() {
        return caller.hasRole(Roles.CONDUCT_OFFICER) || caller.hasRole(Roles.ADMIN);
    }

    @Transactional
    public Keyset.Page<CaseEntity> list(CaseRepository.Filter filter, Keyset keyset) {
        return cases.page(filter, scope, keyset, Dates.today(), targetDays);
    }

    /** The case now, or as it was at {@code asOf}; a full view is logged. */
    @Transactional
    public View get(UUID id, OffsetDateTime asOf) {
        CaseEntity current = cases.require(id, scope);
        View view;
        if (asOf == null) {
            view = new View(current, fullView(), Dates.today(), true);
        } else {
            // A future instant shows the case as it is now (and keeps date arithmetic in range).
            OffsetDateTime instant = asOf.toInstant().isAfter(java.time.Instant.now()) ? OffsetDateTime.now(ZoneOffset.UTC) : asOf;
            CaseEntity then = revisionHistory.stateAt(CaseEntity.class, id, instant.toInstant())
                    .orElseThrow(() -> ProblemException.notFound("Accountability case " + id + " did not exist at " + asOf + "."));
            view = new View(then, fullView(), instant.atZoneSameInstant(ZoneOffset.UTC).toLocalDate(), false);
        }
        if (view.full()) {
            cases.recordRead(id, caller.getPrincipal().getName(), view.current() ? "current" : "as_of");
        }
        return view;
    }

    /** A write answers with the case as it is now: for a full view, that is a read to log too. */
    private CaseEntity answered(CaseEntity c) {
        if (fullView()) {
            cases.recordRead(c.id, caller.getPrincipal().getName(), "current");
        }
        return c;
    }

    @Transactional
    public CaseEntity create(CaseCreate input) {
        String mission = input instanceof MisconductCaseCreate m ? m.getMissionAcronym()
                : ((CrimeCaseCreate) input).getMissionAcronym();
        if (!scope.sees(mission) || missions.findById(mission) == null) {
            throw ProblemException.notFound("No mission " + mission + ".");
        }
        CaseEntity c = new CaseEntity();
        c.id = UUID.randomUUID();
        // The variant Jackson chose from `kind` is the kind (the contract's discriminator).
        c.kind = (input instanceof MisconductCaseCreate ? CaseKind.MISCONDUCT : CaseKind.CRIME_AGAINST_PEACEKEEPERS).toString();
        c.missionAcronym = mission;
        c.status = CaseWorkflow.REPORTED;
        CaseDetails.apply(c, CaseDetails.Input.of(input));
        c.reference = cases.nextReference(c.missionAcronym, c.reportedOn.getYear());
        cases.persistAndFlush(c);
        return answered(c);
    }

    @Transactional
    public CaseEntity replace(UUID id, String ifMatch, CaseUpdate input) {
        CaseEntity c = cases.require(id, scope);
        ETags.requireMatch(ifMatch, c.version);
        CaseDetails.apply(c, CaseDetails.Input.of(input));
        cases.flush();
        return answered(c);
    }

    @Transactional
    public CaseEntity patch(UUID id, String ifMatch, JsonNode patch) {
        CaseEntity c = cases.require(id, scope);
        ETags.requireMatch(ifMatch, c.version);
        String other = c.isMisconduct() ? "crime" : "misconduct";
        if (patch != null && patch.has(other)) {
            throw ProblemException.invalidField("/" + other, c.isMisconduct() ? "is only for crimes against peacekeepers"
                    : "is only for misconduct cases");
        }
        CaseUpdate current = CaseMapper.asUpdate(c);
        @SuppressWarnings("unchecked")
        Class<CaseUpdate> variant = (Class<CaseUpdate>) current.getClass();
        CaseDetails.apply(c, CaseDetails.Input.of(mergePatch.apply(current, patch, variant)));
        cases.flush();
        return answered(c);
    }

    @Transactional
    public CaseEntity transition(UUID id, String ifMatch, TransitionInput input) {
        CaseEntity c = cases.require(id, scope);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, c.version);
        }
        String target = input.getTo().toString();
        List<String> allowed = CaseWorkflow.allowed(c);
        if (!allowed.contains(target)) {
            throw ProblemException.invalidTransition("Case " + c.reference + " is " + c.status + " and cannot move to "
                    + target + ".", allowed);
        }
        c.statusBeforeDormant = CaseWorkflow.DORMANT.equals(target) ? c.status : null;
        c.status = target;
        c.closedOn = CaseWorkflow.isClosed(c.kind, target) ? Dates.today() : null;
        auditReason.set(input.getReason());
        cases.flush();
        return answered(c);
    }

    @Transactional
    public HistoryPage history(UUID id, Keyset keyset) {
        cases.require(id, scope);
        boolean full = fullView();
        return revisionHistory.page(CaseEntity.class, id, new RevisionHistory.View<>(CaseMapper::snapshot,
                c -> c.status, member -> full || !CaseMapper.RESTRICTED_FIELDS.contains(member)), keyset);
    }

    @Transactional
    public Keyset.Page<CaseRepository.Read> reads(UUID id, Keyset keyset) {
        cases.require(id, scope);
        return cases.reads(id, keyset);
    }
}
