package org.a4ptracker.accountability;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.a4ptracker.api.model.AccountabilityCase;
import org.a4ptracker.api.model.CaseCreate;
import org.a4ptracker.api.model.CaseKind;
import org.a4ptracker.api.model.CaseRead;
import org.a4ptracker.api.model.CaseStatistics;
import org.a4ptracker.api.model.CaseStatus;
import org.a4ptracker.api.model.CaseSummary;
import org.a4ptracker.api.model.CaseUpdate;
import org.a4ptracker.api.model.EventType;
import org.a4ptracker.api.model.HistoryEntry;
import org.a4ptracker.api.model.MisconductCategory;
import org.a4ptracker.api.model.PipelineTotals;
import org.a4ptracker.api.model.StatisticsDimension;
import org.a4ptracker.api.model.TransitionInput;
import org.a4ptracker.events.ChangeEvents;
import org.a4ptracker.mission.MissionLookup;
import org.a4ptracker.platform.audit.AuditReason;
import org.a4ptracker.platform.audit.RevisionHistory;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.MergePatch;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.persistence.Dates;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.persistence.ReadCache;
import org.a4ptracker.platform.security.CallerScope;
import org.a4ptracker.platform.security.ReadLog;
import org.a4ptracker.platform.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
@Transactional
public class CaseService implements JudicialPipelines {

    /**
     * A case as the caller may see it; {@code version} is null for a past state (it has no ETag).
     */
    public record Shown(UUID id, AccountabilityCase body, Long version) {}

    /** How the read log names a case. */
    private static final String RECORD_TYPE = "accountability_case";

    /** The topic of every case read kept in memory ({@link ReadCache}). */
    static final String TOPIC = "accountability_case";

    /**
     * A case's view, full or redacted, on a day (whether it is overdue moves with the calendar).
     */
    private record View(UUID id, LocalDate today, boolean full) {}

    /** A view with the mission that decides who may see it. */
    private record Visible(String mission, Shown shown) {}

    /** A page of the list as a caller of one scope asks for it on a day. */
    private record Listing(
            CaseRepository.Filter filter, Set<String> scope, Keyset keyset, LocalDate today) {}

    private final CaseRepository cases;
    private final CaseStatisticsQueries statistics;
    private final MissionLookup missions;
    private final CallerScope scope;
    private final SecurityIdentity caller;
    private final MergePatch mergePatch;
    private final AuditReason auditReason;
    private final RevisionHistory revisionHistory;
    private final ReadLog readLog;
    private final ChangeEvents events;
    private final ReadCache cache;
    private final ReadCache.Region<View, Visible> views;
    private final ReadCache.Region<Listing, Keyset.Page<CaseSummary>> pages;

    CaseService(
            CaseRepository cases,
            CaseStatisticsQueries statistics,
            MissionLookup missions,
            CallerScope scope,
            SecurityIdentity caller,
            MergePatch mergePatch,
            AuditReason auditReason,
            RevisionHistory revisionHistory,
            ReadLog readLog,
            ChangeEvents events,
            ReadCache cache,
            @ConfigProperty(name = "a4p.case-cache.cases") int cachedCases,
            @ConfigProperty(name = "a4p.case-cache.pages") int cachedPages,
            @ConfigProperty(name = "a4p.case-cache.max-age") Duration maxAge) {
        this.events = events;
        this.cache = cache;
        this.views = cache.announcedRegion(TOPIC, cachedCases, maxAge);
        this.pages = cache.announcedRegion(TOPIC, cachedPages, maxAge);
        this.cases = cases;
        this.statistics = statistics;
        this.missions = missions;
        this.scope = scope;
        this.caller = caller;
        this.mergePatch = mergePatch;
        this.auditReason = auditReason;
        this.revisionHistory = revisionHistory;
        this.readLog = readLog;
    }

    /** Conduct officers and admins see victims and paternity claims; everyone else gets counts. */
    private boolean fullView() {
        return caller.hasRole(Roles.CONDUCT_OFFICER) || caller.hasRole(Roles.ADMIN);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Keyset.Page<CaseSummary> list(
            CaseKind kind,
            String mission,
            CaseStatus status,
            MisconductCategory category,
            LocalDate reportedFrom,
            LocalDate reportedTo,
            Boolean overdue,
            String reference,
            Keyset keyset) {
        var filter =
                CaseMapper.filter(
                        kind,
                        mission,
                        status,
                        category,
                        reportedFrom,
                        reportedTo,
                        overdue,
                        reference);
        LocalDate today = Dates.today();
        if (keyset.limit() > Keyset.MAX_LIMIT) {
            // A batch of an export: read once, not worth keeping.
            return CaseMapper.toPage(cases.page(filter, scope, keyset, today), today);
        }
        // The claim's own set ("*" for every mission): a caller who sees no mission has a key of
        // its own.
        return pages.get(
                new Listing(filter, scope.missions(), keyset, today),
                listing -> CaseMapper.toPage(cases.page(filter, scope, keyset, today), today));
    }

    /**
     * The case as it is now, from memory when held; a full view is logged ({@link ReadLog#queue}).
     * Outside a transaction of its own.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Shown current(UUID id) {
        boolean full = fullView();
        Visible held = views.get(new View(id, Dates.today(), full), this::load);
        if (held == null || !scope.sees(held.mission())) {
            throw ProblemException.notFound("No accountability case " + id + ".");
        }
        if (full) {
            readLog.queue(logEntry(ReadLog.View.CURRENT), id);
        }
        return held.shown();
    }

    /**
     * {@link #current} from memory only, without waiting (callable on the I/O thread): empty when
     * the case is not held, is outside the caller's scope, or its full view cannot be queued to the
     * read log at once; the caller then takes {@link #current}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Shown> held(UUID id) {
        boolean full = fullView();
        Optional<Visible> held = views.held(new View(id, Dates.today(), full));
        if (held.isEmpty()
                || !scope.sees(held.get().mission())
                || full && !readLog.tryQueue(logEntry(ReadLog.View.CURRENT), id)) {
            return Optional.empty();
        }
        return Optional.of(held.get().shown());
    }

    /** A view of a case, whoever may see it, or null when there is no such case. */
    private Visible load(View view) {
        return cases.current(view.id(), view.today())
                .map(
                        found -> {
                            CaseEntity c = found.entity();
                            return new Visible(
                                    c.missionAcronym,
                                    new Shown(
                                            c.id,
                                            CaseMapper.toApi(
                                                    c, found.overdue(), view.full(), view.today()),
                                            c.version));
                        })
                .orElse(null);
    }

    /** The case as it was at {@code asOf}; a full view is logged. */
    public Shown asOf(UUID id, OffsetDateTime asOf) {
        cases.require(id, scope);
        // A future instant shows the case as it is now (and keeps date arithmetic in range).
        OffsetDateTime instant =
                asOf.toInstant().isAfter(Instant.now()) ? OffsetDateTime.now(ZoneOffset.UTC) : asOf;
        CaseEntity then =
                revisionHistory
                        .stateAt(CaseEntity.class, id, instant.toInstant())
                        .orElseThrow(
                                () ->
                                        ProblemException.notFound(
                                                "Accountability case "
                                                        + id
                                                        + " did not exist at "
                                                        + asOf
                                                        + "."));
        return shown(
                then,
                ReadLog.View.AS_OF,
                instant.atZoneSameInstant(ZoneOffset.UTC).toLocalDate(),
                null);
    }

    public Shown create(CaseCreate input) {
        String mission = CaseMapper.mission(input);
        missions.require(mission, scope);
        CaseEntity c = new CaseEntity();
        c.id = UUID.randomUUID();
        c.kind = CaseMapper.kind(input);
        c.missionAcronym = mission;
        c.status = CaseEntity.Status.REPORTED;
        store(c, CaseMapper.Details.of(input));
        c.reference = cases.nextReference(c.missionAcronym, c.reportedOn.getYear());
        cases.persistAndFlush(c);
        return written(c, null);
    }

    public Shown replace(UUID id, String ifMatch, CaseUpdate input) {
        CaseEntity c = cases.require(id, scope);
        ETags.requireMatch(ifMatch, c.version);
        JsonNode before = snapshot(c);
        store(c, CaseMapper.Details.of(input));
        return written(c, before);
    }

    /** A JSON merge patch over the case's PUT body, checked like a PUT. */
    public Shown patch(UUID id, String ifMatch, JsonNode patch) {
        CaseEntity c = cases.require(id, scope);
        ETags.requireMatch(ifMatch, c.version);
        String other = c.isMisconduct() ? "crime" : "misconduct";
        if (patch != null && patch.has(other)) {
            throw ProblemException.invalidField(
                    "/" + other,
                    c.isMisconduct()
                            ? "is only for crimes against peacekeepers"
                            : "is only for misconduct cases");
        }
        CaseUpdate current = CaseMapper.asUpdate(c);
        @SuppressWarnings("unchecked")
        Class<CaseUpdate> variant = (Class<CaseUpdate>) current.getClass();
        JsonNode before = snapshot(c);
        store(c, CaseMapper.Details.of(mergePatch.apply(current, patch, variant)));
        return written(c, before);
    }

    public Shown transition(UUID id, String ifMatch, TransitionInput input) {
        CaseEntity c = cases.require(id, scope);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, c.version);
        }
        JsonNode before = snapshot(c);
        CaseWorkflow.move(c, CaseMapper.statusOf(input.getTo()), Dates.today());
        auditReason.set(input.getReason());
        return written(c, before);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Keyset.Page<HistoryEntry> history(UUID id, Keyset keyset) {
        cases.require(id, scope);
        boolean full = fullView();
        return revisionHistory.page(
                CaseEntity.class,
                id,
                new RevisionHistory.View<>(
                        CaseMapper::members,
                        CaseMapper::statusText,
                        member -> full || !CaseMapper.RESTRICTED_FIELDS.contains(member)),
                keyset);
    }

    public Keyset.Page<CaseRead> reads(UUID id, Keyset keyset) {
        cases.require(id, scope);
        return CaseMapper.toReads(readLog.page(RECORD_TYPE, id, keyset));
    }

    public CaseStatistics statistics(
            List<StatisticsDimension> groupBy,
            CaseKind kind,
            String mission,
            LocalDate reportedFrom,
            LocalDate reportedTo) {
        List<StatisticsDimension> by =
                groupBy == null ? List.of() : groupBy.stream().distinct().toList();
        if (!scope.seesAll() && scope.missions().isEmpty()) {
            return CaseStatisticsMapper.toStatistics(
                    by, List.of(), List.of(), List.of(), List.of());
        }
        var dimensions = CaseStatisticsMapper.dimensions(by);
        var filter = CaseStatisticsMapper.filter(kind, mission, reportedFrom, reportedTo);
        return CaseStatisticsMapper.toStatistics(
                by,
                statistics.allegations(dimensions, filter, scope),
                statistics.investigations(dimensions, filter, scope),
                statistics.finalActions(dimensions, filter, scope),
                statistics.judicialPipeline(filter, scope));
    }

    @Override
    public PipelineTotals ofMission(String mission, CallerScope callerScope) {
        var pipelines =
                statistics.judicialPipeline(
                        CaseStatisticsMapper.filter(null, mission, null, null), callerScope);
        return CaseStatisticsMapper.toApi(
                pipelines.isEmpty()
                        ? CaseStatisticsQueries.Pipeline.none(mission)
                        : pipelines.get(0));
    }

    /** Checks the details against the rules the contract cannot express, then stores them. */
    private static void store(CaseEntity c, CaseMapper.Details details) {
        CaseRules.check(c.kind, details);
        CaseMapper.apply(details, c);
    }

    /**
     * A write answers with the case as it is now: for a full view, that is a read to log too. The
     * change goes to the feed with the most telling type: an erasure of victim data, else a status
     * change, else an update ({@code before} is null for a creation).
     */
    private Shown written(CaseEntity c, JsonNode before) {
        cases.flush();
        cache.changedOnCommit(TOPIC);
        JsonNode after = snapshot(c);
        List<String> changed = events.changedFields(before, after);
        if (before == null || !changed.isEmpty()) {
            EventType type =
                    before == null
                            ? EventType.ORG_A4PTRACKER_CASE_CREATED
                            : erasesVictimData(before, after)
                                    ? EventType.ORG_A4PTRACKER_CASE_VICTIM_DATA_ERASED
                                    : changed.contains("status")
                                            ? EventType.ORG_A4PTRACKER_CASE_STATUS_CHANGED
                                            : EventType.ORG_A4PTRACKER_CASE_UPDATED;
            events.record(
                    type,
                    new ChangeEvents.Subject(
                            "/accountability-cases/" + c.id,
                            c.missionAcronym,
                            ChangeEvents.ids().caseId(c.id)),
                    changed,
                    c.version);
        }
        return shown(c, ReadLog.View.CURRENT, Dates.today(), c.version);
    }

    /**
     * The full view of a case, to compare before and after a change (never shown; derived values
     * that move with the calendar are left as they are today).
     */
    private JsonNode snapshot(CaseEntity c) {
        return events.snapshot(CaseMapper.toApi(c, false, true, Dates.today()));
    }

    /** Whether victims were removed, or a victim lost a detail it had. */
    static boolean erasesVictimData(JsonNode before, JsonNode after) {
        JsonNode was = before.path("misconduct").path("victims");
        JsonNode now = after.path("misconduct").path("victims");
        if (now.size() < was.size()) {
            return true;
        }
        for (int i = 0; i < was.size(); i++) {
            for (var names = was.get(i).fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode had = was.get(i).get(name);
                JsonNode has = now.get(i).get(name);
                if (!had.isNull() && (has == null || has.isNull())) {
                    return true;
                }
            }
        }
        return false;
    }

    private ReadLog.Entry logEntry(ReadLog.View view) {
        return new ReadLog.Entry(RECORD_TYPE, caller.getPrincipal().getName(), view);
    }

    private Shown shown(CaseEntity c, ReadLog.View view, LocalDate day, Long version) {
        boolean full = fullView();
        if (full) {
            readLog.record(logEntry(view), c.id);
        }
        return new Shown(c.id, CaseMapper.toApi(c, cases.overdue(c, day), full, day), version);
    }
}
