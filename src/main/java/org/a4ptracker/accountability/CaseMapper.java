package org.a4ptracker.accountability;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.a4ptracker.accountability.CaseEntity.Category;
import org.a4ptracker.accountability.CaseEntity.Kind;
import org.a4ptracker.api.model.AccountabilityCase;
import org.a4ptracker.api.model.AgeGroup;
import org.a4ptracker.api.model.AssistanceType;
import org.a4ptracker.api.model.CaseCreate;
import org.a4ptracker.api.model.CaseKind;
import org.a4ptracker.api.model.CaseRead;
import org.a4ptracker.api.model.CaseStatus;
import org.a4ptracker.api.model.CaseSummary;
import org.a4ptracker.api.model.CaseUpdate;
import org.a4ptracker.api.model.Crime;
import org.a4ptracker.api.model.CrimeCase;
import org.a4ptracker.api.model.CrimeCaseCreate;
import org.a4ptracker.api.model.CrimeCaseSummary;
import org.a4ptracker.api.model.CrimeCaseUpdate;
import org.a4ptracker.api.model.CrimeLocation;
import org.a4ptracker.api.model.CrimeType;
import org.a4ptracker.api.model.DatePrecision;
import org.a4ptracker.api.model.FinalAction;
import org.a4ptracker.api.model.FinalActionType;
import org.a4ptracker.api.model.InterimAction;
import org.a4ptracker.api.model.InterimActionType;
import org.a4ptracker.api.model.InvestigatingEntity;
import org.a4ptracker.api.model.Investigation;
import org.a4ptracker.api.model.InvestigationInput;
import org.a4ptracker.api.model.JudicialPipeline;
import org.a4ptracker.api.model.MemberStateRequest;
import org.a4ptracker.api.model.Misconduct;
import org.a4ptracker.api.model.MisconductCase;
import org.a4ptracker.api.model.MisconductCaseCreate;
import org.a4ptracker.api.model.MisconductCaseSummary;
import org.a4ptracker.api.model.MisconductCaseUpdate;
import org.a4ptracker.api.model.MisconductCategory;
import org.a4ptracker.api.model.MisconductInput;
import org.a4ptracker.api.model.PaternityClaim;
import org.a4ptracker.api.model.PaternityStatus;
import org.a4ptracker.api.model.PersonnelCategory;
import org.a4ptracker.api.model.SeaSubtype;
import org.a4ptracker.api.model.SeaType;
import org.a4ptracker.api.model.Victim;
import org.a4ptracker.api.model.VictimAssistance;
import org.a4ptracker.api.model.VictimCounts;
import org.a4ptracker.api.model.VictimSex;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.persistence.StoredEnum;
import org.a4ptracker.platform.security.ReadLog;

/**
 * The one mapping between the case aggregate and the API's models, both ways: stored cases to
 * cases, summaries, PUT bodies and history members; request bodies and parameters to stored values;
 * statistics rows to statistics. Stored and API enums meet by their text.
 */
final class CaseMapper {

    /** Members whose changes a redacted view does not learn of, not even by name. */
    static final Set<String> RESTRICTED_FIELDS =
            Set.of("misconduct.victims", "misconduct.paternity_claims");

    private CaseMapper() {}

    // ------------------------------------------------------------------------------- requests

    /**
     * The replaceable details of a case, whichever variant of the contract's {@code oneOf} carried
     * them (exactly one of {@code misconduct} and {@code crime} is set).
     */
    record Details(
            LocalDate reportedOn,
            LocalDate incidentDate,
            DatePrecision incidentDatePrecision,
            MisconductInput misconduct,
            Crime crime) {

        static Details of(CaseCreate create) {
            if (create instanceof MisconductCaseCreate m) {
                return new Details(
                        m.getReportedOn(),
                        m.getIncidentDate(),
                        m.getIncidentDatePrecision(),
                        m.getMisconduct(),
                        null);
            }
            CrimeCaseCreate k = (CrimeCaseCreate) create;
            return new Details(
                    k.getReportedOn(),
                    k.getIncidentDate(),
                    k.getIncidentDatePrecision(),
                    null,
                    k.getCrime());
        }

        static Details of(CaseUpdate update) {
            if (update instanceof MisconductCaseUpdate m) {
                return new Details(
                        m.getReportedOn(),
                        m.getIncidentDate(),
                        m.getIncidentDatePrecision(),
                        m.getMisconduct(),
                        null);
            }
            CrimeCaseUpdate k = (CrimeCaseUpdate) update;
            return new Details(
                    k.getReportedOn(),
                    k.getIncidentDate(),
                    k.getIncidentDatePrecision(),
                    null,
                    k.getCrime());
        }
    }

    /**
     * The kind of a new case: the variant Jackson chose from {@code kind}, the contract's
     * discriminator.
     */
    static Kind kind(CaseCreate create) {
        return create instanceof MisconductCaseCreate
                ? Kind.MISCONDUCT
                : Kind.CRIME_AGAINST_PEACEKEEPERS;
    }

    static String mission(CaseCreate create) {
        return create instanceof MisconductCaseCreate m
                ? m.getMissionAcronym()
                : ((CrimeCaseCreate) create).getMissionAcronym();
    }

    static CaseRepository.Filter filter(
            CaseKind kind,
            String mission,
            CaseStatus status,
            MisconductCategory category,
            LocalDate reportedFrom,
            LocalDate reportedTo,
            Boolean overdue,
            String reference) {
        return new CaseRepository.Filter(
                stored(Kind.class, kind),
                mission,
                stored(CaseEntity.Status.class, status),
                stored(Category.class, category),
                reportedFrom,
                reportedTo,
                overdue,
                reference);
    }

    static CaseEntity.Status statusOf(CaseStatus status) {
        return stored(CaseEntity.Status.class, status);
    }

    /** Copies details that passed {@link CaseRules#check} into the case. */
    static void apply(Details d, CaseEntity c) {
        c.reportedOn = d.reportedOn();
        c.incidentDate = d.incidentDate();
        c.incidentDatePrecision = stored(CaseEntity.DatePrecision.class, d.incidentDatePrecision());
        if (d.misconduct() != null) {
            MisconductInput m = d.misconduct();
            c.category = stored(Category.class, m.getCategory());
            // SEA is category 1 misconduct, whatever the body says (CaseRules refuses any other
            // level).
            c.misconductLevel =
                    c.category == Category.SEA ? Integer.valueOf(1) : m.getMisconductLevel();
            c.seaType = stored(CaseEntity.SeaType.class, m.getSeaType());
            c.seaSubtype = stored(CaseEntity.SeaSubtype.class, m.getSeaSubtype());
            c.misconductType = m.getMisconductType();
            c.personnelCategory =
                    stored(CaseEntity.PersonnelCategory.class, m.getPersonnelCategory());
            c.allegedPerpetrators = m.getAllegedPerpetrators();
            c.perpetratorNationality = m.getPerpetratorNationality();
            c.victims = map(m.getVictims(), CaseMapper::toRecord);
            c.investigations =
                    map(
                            m.getInvestigations(),
                            i ->
                                    new CaseRecords.Investigation(
                                            stored(
                                                    CaseRecords.InvestigatingEntity.class,
                                                    i.getEntity()),
                                            i.getOpenedOn(),
                                            i.getCompletedOn()));
            c.interimActions =
                    map(
                            m.getInterimActions(),
                            a ->
                                    new CaseRecords.InterimAction(
                                            stored(
                                                    CaseRecords.InterimActionType.class,
                                                    a.getType()),
                                            a.getTakenOn()));
            c.finalActions =
                    map(
                            m.getFinalActions(),
                            a ->
                                    new CaseRecords.FinalAction(
                                            stored(CaseRecords.FinalActionType.class, a.getType()),
                                            a.getTakenOn()));
            c.memberStateRequests =
                    map(
                            m.getMemberStateRequests(),
                            r ->
                                    new CaseRecords.MemberStateRequest(
                                            r.getCountry(), r.getSentOn(), r.getAnsweredOn()));
            c.paternityClaims =
                    map(
                            m.getPaternityClaims(),
                            p ->
                                    new CaseRecords.PaternityClaim(
                                            stored(
                                                    CaseRecords.PaternityStatus.class,
                                                    p.getStatus()),
                                            p.getOpenedOn()));
        } else {
            Crime k = d.crime();
            JudicialPipeline p = k.getJudicialPipeline();
            c.crimeType = stored(CaseEntity.CrimeType.class, k.getCrimeType());
            c.locationAdminArea = k.getLocation().getAdminArea();
            c.locationDescription = k.getLocation().getDescription();
            c.peacekeepersKilled = k.getPeacekeepersKilled();
            c.peacekeepersInjured = k.getPeacekeepersInjured();
            c.attributedGroup = k.getAttributedGroup();
            c.nationalCaseNumber = k.getNationalCaseNumber();
            c.court = k.getCourt();
            c.suspectsIdentified = p.getSuspectsIdentified();
            c.suspectsArrested = p.getArrested();
            c.suspectsCharged = p.getCharged();
            c.suspectsTried = p.getTried();
            c.suspectsConvicted = p.getConvicted();
            c.suspectsAcquitted = p.getAcquitted();
        }
    }

    private static CaseRecords.Victim toRecord(Victim v) {
        return new CaseRecords.Victim(
                stored(CaseRecords.Sex.class, v.getSex()),
                stored(CaseRecords.AgeGroup.class, v.getAgeGroup()),
                v.getAssistanceOffered(),
                v.getAssistanceAccepted(),
                map(
                        v.getAssistance(),
                        a ->
                                new CaseRecords.Assistance(
                                        stored(CaseRecords.AssistanceType.class, a.getType()),
                                        a.getProvider(),
                                        a.getProvidedOn())));
    }

    // ------------------------------------------------------------------------------- answers

    /**
     * The API view of a case as of {@code today}; {@code overdue} is the answer of the one overdue
     * rule. Without {@code full}, victim and paternity sub-records are left out and only their
     * counts remain, as the UN publishes them. The two variants share no Java type, so each lists
     * its members; every value comes from the helpers below.
     */
    static AccountabilityCase toApi(CaseEntity c, boolean overdue, boolean full, LocalDate today) {
        if (c.isMisconduct()) {
            return new MisconductCase()
                    .id(c.id)
                    .reference(c.reference)
                    .kind(CaseKind.MISCONDUCT)
                    .missionAcronym(c.missionAcronym)
                    .status(status(c))
                    .reportedOn(c.reportedOn)
                    .incidentDate(c.incidentDate)
                    .incidentDatePrecision(precision(c))
                    .closedOn(c.closedOn)
                    .daysOpen(daysOpen(c, today))
                    .createdAt(utc(c.createdAt))
                    .updatedAt(utc(c.updatedAt))
                    .overdue(overdue)
                    .daysUnderInvestigation(daysUnderInvestigation(c, today))
                    .redacted(!full)
                    .misconduct(misconduct(c, full, today));
        }
        return new CrimeCase()
                .id(c.id)
                .reference(c.reference)
                .kind(CaseKind.CRIME_AGAINST_PEACEKEEPERS)
                .missionAcronym(c.missionAcronym)
                .status(status(c))
                .reportedOn(c.reportedOn)
                .incidentDate(c.incidentDate)
                .incidentDatePrecision(precision(c))
                .closedOn(c.closedOn)
                .daysOpen(daysOpen(c, today))
                .createdAt(utc(c.createdAt))
                .updatedAt(utc(c.updatedAt))
                .overdue(overdue)
                .redacted(false)
                .crime(crime(c));
    }

    static Keyset.Page<CaseSummary> toPage(
            Keyset.Page<CaseRepository.Listed> page, LocalDate today) {
        return page.map(l -> toSummary(l, today));
    }

    private static CaseSummary toSummary(CaseRepository.Listed c, LocalDate today) {
        int daysOpen = daysOpen(c.reportedOn(), c.closedOn(), today);
        CaseStatus status = api(c.status(), CaseStatus::fromValue);
        if (c.kind() == CaseEntity.Kind.MISCONDUCT) {
            return new MisconductCaseSummary()
                    .id(c.id())
                    .reference(c.reference())
                    .kind(CaseKind.MISCONDUCT)
                    .missionAcronym(c.missionAcronym())
                    .status(status)
                    .reportedOn(c.reportedOn())
                    .daysOpen(daysOpen)
                    .overdue(c.overdue())
                    .category(api(c.category(), MisconductCategory::fromValue))
                    .personnelCategory(api(c.personnelCategory(), PersonnelCategory::fromValue));
        }
        return new CrimeCaseSummary()
                .id(c.id())
                .reference(c.reference())
                .kind(CaseKind.CRIME_AGAINST_PEACEKEEPERS)
                .missionAcronym(c.missionAcronym())
                .status(status)
                .reportedOn(c.reportedOn())
                .daysOpen(daysOpen)
                .overdue(c.overdue())
                .crimeType(api(c.crimeType(), CrimeType::fromValue));
    }

    /** The replaceable part of a case, as a PUT body: what a merge patch applies to. */
    static CaseUpdate asUpdate(CaseEntity c) {
        if (c.isMisconduct()) {
            return new MisconductCaseUpdate()
                    .reportedOn(c.reportedOn)
                    .incidentDate(c.incidentDate)
                    .incidentDatePrecision(precision(c))
                    .misconduct(misconductInput(c));
        }
        return new CrimeCaseUpdate()
                .reportedOn(c.reportedOn)
                .incidentDate(c.incidentDate)
                .incidentDatePrecision(precision(c))
                .crime(crime(c));
    }

    /**
     * The stored misconduct as the API writes it; the read view {@link #misconduct} is made from
     * it.
     */
    private static MisconductInput misconductInput(CaseEntity c) {
        return new MisconductInput()
                .category(api(c.category, MisconductCategory::fromValue))
                .misconductLevel(c.misconductLevel)
                .seaType(api(c.seaType, SeaType::fromValue))
                .seaSubtype(api(c.seaSubtype, SeaSubtype::fromValue))
                .misconductType(c.misconductType)
                .personnelCategory(api(c.personnelCategory, PersonnelCategory::fromValue))
                .allegedPerpetrators(c.allegedPerpetrators)
                .perpetratorNationality(c.perpetratorNationality)
                .victims(
                        map(
                                c.victims,
                                v ->
                                        new Victim()
                                                .sex(api(v.sex(), VictimSex::fromValue))
                                                .ageGroup(api(v.ageGroup(), AgeGroup::fromValue))
                                                .assistanceOffered(v.assistanceOffered())
                                                .assistanceAccepted(v.assistanceAccepted())
                                                .assistance(
                                                        map(
                                                                v.assistance(),
                                                                a ->
                                                                        new VictimAssistance()
                                                                                .type(
                                                                                        api(
                                                                                                a
                                                                                                        .type(),
                                                                                                AssistanceType
                                                                                                        ::fromValue))
                                                                                .provider(
                                                                                        a
                                                                                                .provider())
                                                                                .providedOn(
                                                                                        a
                                                                                                .providedOn())))))
                .investigations(
                        map(
                                c.investigations,
                                i ->
                                        new InvestigationInput()
                                                .entity(
                                                        api(
                                                                i.entity(),
                                                                InvestigatingEntity::fromValue))
                                                .openedOn(i.openedOn())
                                                .completedOn(i.completedOn())))
                .interimActions(
                        map(
                                c.interimActions,
                                a ->
                                        new InterimAction()
                                                .type(api(a.type(), InterimActionType::fromValue))
                                                .takenOn(a.takenOn())))
                .finalActions(
                        map(
                                c.finalActions,
                                a ->
                                        new FinalAction()
                                                .type(api(a.type(), FinalActionType::fromValue))
                                                .takenOn(a.takenOn())))
                .memberStateRequests(
                        map(
                                c.memberStateRequests,
                                r ->
                                        new MemberStateRequest()
                                                .country(r.country())
                                                .sentOn(r.sentOn())
                                                .answeredOn(r.answeredOn())))
                .paternityClaims(
                        map(
                                c.paternityClaims,
                                p ->
                                        new PaternityClaim()
                                                .status(api(p.status(), PaternityStatus::fromValue))
                                                .openedOn(p.openedOn())));
    }

    private static Misconduct misconduct(CaseEntity c, boolean full, LocalDate today) {
        MisconductInput m = misconductInput(c);
        return new Misconduct()
                .category(m.getCategory())
                .misconductLevel(m.getMisconductLevel())
                .seaType(m.getSeaType())
                .seaSubtype(m.getSeaSubtype())
                .misconductType(m.getMisconductType())
                .personnelCategory(m.getPersonnelCategory())
                .allegedPerpetrators(m.getAllegedPerpetrators())
                .perpetratorNationality(m.getPerpetratorNationality())
                .victimCounts(victimCounts(c.victims))
                .paternityClaimCount(c.paternityClaims.size())
                .investigations(
                        map(
                                m.getInvestigations(),
                                i ->
                                        new Investigation()
                                                .entity(i.getEntity())
                                                .openedOn(i.getOpenedOn())
                                                .completedOn(i.getCompletedOn())
                                                .durationDays(
                                                        (int)
                                                                DAYS.between(
                                                                        i.getOpenedOn(),
                                                                        i.getCompletedOn() != null
                                                                                ? i.getCompletedOn()
                                                                                : today))))
                .interimActions(m.getInterimActions())
                .finalActions(m.getFinalActions())
                .memberStateRequests(m.getMemberStateRequests())
                .victims(full ? m.getVictims() : null)
                .paternityClaims(full ? m.getPaternityClaims() : null);
    }

    private static VictimCounts victimCounts(List<CaseRecords.Victim> victims) {
        int women = 0, girls = 0, men = 0, boys = 0, unknown = 0;
        for (CaseRecords.Victim v : victims) {
            switch (v.sex().value() + "/" + v.ageGroup().value()) {
                case "female/adult" -> women++;
                case "female/minor" -> girls++;
                case "male/adult" -> men++;
                case "male/minor" -> boys++;
                default -> unknown++;
            }
        }
        return new VictimCounts()
                .total(victims.size())
                .women(women)
                .girls(girls)
                .men(men)
                .boys(boys)
                .ageUnknown(unknown);
    }

    private static Crime crime(CaseEntity c) {
        return new Crime()
                .crimeType(api(c.crimeType, CrimeType::fromValue))
                .location(
                        new CrimeLocation()
                                .adminArea(c.locationAdminArea)
                                .description(c.locationDescription))
                .peacekeepersKilled(c.peacekeepersKilled)
                .peacekeepersInjured(c.peacekeepersInjured)
                .attributedGroup(c.attributedGroup)
                .nationalCaseNumber(c.nationalCaseNumber)
                .court(c.court)
                .judicialPipeline(
                        new JudicialPipeline()
                                .suspectsIdentified(c.suspectsIdentified)
                                .arrested(c.suspectsArrested)
                                .charged(c.suspectsCharged)
                                .tried(c.suspectsTried)
                                .convicted(c.suspectsConvicted)
                                .acquitted(c.suspectsAcquitted));
    }

    private static int daysOpen(CaseEntity c, LocalDate today) {
        return daysOpen(c.reportedOn, c.closedOn, today);
    }

    private static int daysOpen(LocalDate reportedOn, LocalDate closedOn, LocalDate today) {
        return (int) DAYS.between(reportedOn, closedOn != null ? closedOn : today);
    }

    /**
     * From the first investigation's opening to the last one's completion, or to today while one is
     * open.
     */
    private static Integer daysUnderInvestigation(CaseEntity c, LocalDate today) {
        if (c.investigations.isEmpty()) {
            return null;
        }
        LocalDate start =
                c.investigations.stream()
                        .map(CaseRecords.Investigation::openedOn)
                        .min(LocalDate::compareTo)
                        .orElseThrow();
        boolean open = c.investigations.stream().anyMatch(i -> i.completedOn() == null);
        LocalDate end =
                open
                        ? today
                        : c.investigations.stream()
                                .map(CaseRecords.Investigation::completedOn)
                                .max(LocalDate::compareTo)
                                .orElseThrow();
        return (int) DAYS.between(start, end);
    }

    private static CaseStatus status(CaseEntity c) {
        return api(c.status, CaseStatus::fromValue);
    }

    private static DatePrecision precision(CaseEntity c) {
        return api(c.incidentDatePrecision, DatePrecision::fromValue);
    }

    private static OffsetDateTime utc(OffsetDateTime at) {
        return at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC);
    }

    // ------------------------------------------------------------------------------- history

    /**
     * The case's API members by name (dotted inside {@code misconduct} and {@code crime}), with the
     * values the API shows, to tell which members a revision changed. The history shows names only.
     */
    static Map<String, Object> members(CaseEntity c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", status(c));
        s.put("reported_on", c.reportedOn);
        s.put("incident_date", c.incidentDate);
        s.put("incident_date_precision", precision(c));
        s.put("closed_on", c.closedOn);
        if (c.isMisconduct()) {
            MisconductInput m = misconductInput(c);
            s.put("misconduct.category", m.getCategory());
            s.put("misconduct.misconduct_level", m.getMisconductLevel());
            s.put("misconduct.sea_type", m.getSeaType());
            s.put("misconduct.sea_subtype", m.getSeaSubtype());
            s.put("misconduct.misconduct_type", m.getMisconductType());
            s.put("misconduct.personnel_category", m.getPersonnelCategory());
            s.put("misconduct.alleged_perpetrators", m.getAllegedPerpetrators());
            s.put("misconduct.perpetrator_nationality", m.getPerpetratorNationality());
            s.put("misconduct.victims", m.getVictims());
            s.put("misconduct.investigations", m.getInvestigations());
            s.put("misconduct.interim_actions", m.getInterimActions());
            s.put("misconduct.final_actions", m.getFinalActions());
            s.put("misconduct.member_state_requests", m.getMemberStateRequests());
            s.put("misconduct.paternity_claims", m.getPaternityClaims());
        } else {
            Crime k = crime(c);
            s.put("crime.crime_type", k.getCrimeType());
            s.put("crime.location", k.getLocation());
            s.put("crime.peacekeepers_killed", k.getPeacekeepersKilled());
            s.put("crime.peacekeepers_injured", k.getPeacekeepersInjured());
            s.put("crime.attributed_group", k.getAttributedGroup());
            s.put("crime.national_case_number", k.getNationalCaseNumber());
            s.put("crime.court", k.getCourt());
            s.put("crime.judicial_pipeline", k.getJudicialPipeline());
        }
        return s;
    }

    /** A case's status as a history entry shows it. */
    static String statusText(CaseEntity c) {
        return c.status.value();
    }

    static Keyset.Page<CaseRead> toReads(Keyset.Page<ReadLog.Read> page) {
        return page.map(
                r ->
                        new CaseRead()
                                .reader(r.reader())
                                .readAt(utc(r.readAt()))
                                .view(CaseRead.ViewEnum.fromValue(r.view().value())));
    }

    // ------------------------------------------------------------------------------- values

    /** The stored constant spelled like the API's; null for null. */
    static <E extends Enum<E> & StoredEnum> E stored(Class<E> type, Object api) {
        return StoredEnum.fromApi(type, api);
    }

    /** The API constant spelled like the stored one; null for null. */
    static <A> A api(StoredEnum stored, Function<String, A> fromValue) {
        return stored == null ? null : fromValue.apply(stored.value());
    }

    static <S, T> List<T> map(List<S> source, Function<S, T> mapper) {
        return source == null
                ? new ArrayList<>()
                : new ArrayList<>(source.stream().map(mapper).toList());
    }
}
