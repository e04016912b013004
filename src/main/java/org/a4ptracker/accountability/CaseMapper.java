package org.a4ptracker.accountability;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.a4ptracker.api.model.AccountabilityCase;
import org.a4ptracker.api.model.AgeGroup;
import org.a4ptracker.api.model.AssistanceType;
import org.a4ptracker.api.model.CaseKind;
import org.a4ptracker.api.model.CaseStatus;
import org.a4ptracker.api.model.CaseSummary;
import org.a4ptracker.api.model.CaseUpdate;
import org.a4ptracker.api.model.Crime;
import org.a4ptracker.api.model.CrimeCase;
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

/** Between stored cases and the API's models, with the derived timeliness figures and redaction. */
final class CaseMapper {

    private CaseMapper() {
    }

    /**
     * The API view of a case as of {@code today}. Without {@code full}, victim and paternity
     * sub-records are left out and only their counts remain, as the UN publishes them.
     */
    static AccountabilityCase toApi(CaseEntity c, boolean full, LocalDate today, int targetDays) {
        if (c.isMisconduct()) {
            return new MisconductCase()
                    .id(c.id)
                    .reference(c.reference)
                    .kind(CaseKind.MISCONDUCT)
                    .missionAcronym(c.missionAcronym)
                    .status(CaseStatus.fromValue(c.status))
                    .reportedOn(c.reportedOn)
                    .incidentDate(c.incidentDate)
                    .incidentDatePrecision(DatePrecision.fromValue(c.incidentDatePrecision))
                    .closedOn(c.closedOn)
                    .daysOpen(daysOpen(c, today))
                    .daysUnderInvestigation(daysUnderInvestigation(c, today))
                    .overdue(overdue(c, today, targetDays))
                    .redacted(!full)
                    .misconduct(misconduct(c, full, today))
                    .createdAt(utc(c.createdAt))
                    .updatedAt(utc(c.updatedAt));
        }
        return new CrimeCase()
                .id(c.id)
                .reference(c.reference)
                .kind(CaseKind.CRIME_AGAINST_PEACEKEEPERS)
                .missionAcronym(c.missionAcronym)
                .status(CaseStatus.fromValue(c.status))
                .reportedOn(c.reportedOn)
                .incidentDate(c.incidentDate)
                .incidentDatePrecision(DatePrecision.fromValue(c.incidentDatePrecision))
                .closedOn(c.closedOn)
                .daysOpen(daysOpen(c, today))
                .overdue(false)
                .redacted(false)
                .crime(crime(c))
                .createdAt(utc(c.createdAt))
                .updatedAt(utc(c.updatedAt));
    }

    private static OffsetDateTime utc(OffsetDateTime at) {
        return at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC);
    }

    static CaseSummary toSummary(CaseEntity c, LocalDate today, int targetDays) {
        if (c.isMisconduct()) {
            return new MisconductCaseSummary()
                    .id(c.id)
                    .reference(c.reference)
                    .kind(CaseKind.MISCONDUCT)
                    .missionAcronym(c.missionAcronym)
                    .status(CaseStatus.fromValue(c.status))
                    .reportedOn(c.reportedOn)
                    .category(MisconductCategory.fromValue(c.category))
                    .personnelCategory(PersonnelCategory.fromValue(c.personnelCategory))
                    .daysOpen(daysOpen(c, today))
                    .overdue(overdue(c, today, targetDays));
        }
        return new CrimeCaseSummary()
                .id(c.id)
                .reference(c.reference)
                .kind(CaseKind.CRIME_AGAINST_PEACEKEEPERS)
                .missionAcronym(c.missionAcronym)
                .status(CaseStatus.fromValue(c.status))
                .reportedOn(c.reportedOn)
                .crimeType(CrimeType.fromValue(c.crimeType))
                .daysOpen(daysOpen(c, today))
                .overdue(false);
    }

    static int daysOpen(CaseEntity c, LocalDate today) {
        return (int) ChronoUnit.DAYS.between(c.reportedOn, c.closedOn != null ? c.closedOn : today);
    }

    static Integer daysUnderInvestigation(CaseEntity c, LocalDate today) {
        if (c.investigations.isEmpty()) {
            return null;
        }
        LocalDate start = c.investigations.stream().map(CaseRecords.Investigation::openedOn).min(LocalDate::compareTo).orElseThrow();
        boolean open = c.investigations.stream().anyMatch(i -> i.completedOn() == null);
        LocalDate end = open ? today
                : c.investigations.stream().map(CaseRecords.Investigation::completedOn).max(LocalDate::compareTo).orElseThrow();
        return (int) ChronoUnit.DAYS.between(start, end);
    }

    /** Same rule as {@link CaseRepository}'s {@code overdue} filter, which applies it in SQL. */
    static boolean overdue(CaseEntity c, LocalDate today, int targetDays) {
        return c.isMisconduct() && "sea".equals(c.category) && c.investigations.stream()
                .anyMatch(i -> i.completedOn() == null && ChronoUnit.DAYS.between(i.openedOn(), today) > targetDays);
    }

    private static Misconduct misconduct(CaseEntity c, boolean full, LocalDate today) {
        Misconduct m = new Misconduct()
                .category(MisconductCategory.fromValue(c.category))
                .misconductLevel(c.misconductLevel)
                .seaType(c.seaType == null ? null : SeaType.fromValue(c.seaType))
                .seaSubtype(c.seaSubtype == null ? null : SeaSubtype.fromValue(c.seaSubtype))
                .misconductType(c.misconductType)
                .personnelCategory(PersonnelCategory.fromValue(c.personnelCategory))
                .allegedPerpetrators(c.allegedPerpetrators)
                .perpetratorNationality(c.perpetratorNationality)
                .victimCounts(victimCounts(c.victims))
                .paternityClaimCount(c.paternityClaims.size())
                .investigations(map(c.investigations, i -> new Investigation()
                        .entity(InvestigatingEntity.fromValue(i.entity()))
                        .openedOn(i.openedOn())
                        .completedOn(i.completedOn())
                        .durationDays((int) ChronoUnit.DAYS.between(i.openedOn(), i.completedOn() != null ? i.completedOn() : today))))
                .interimActions(map(c.interimActions, a -> new InterimAction()
                        .type(InterimActionType.fromValue(a.type())).takenOn(a.takenOn())))
                .finalActions(map(c.finalActions, a -> new FinalAction()
                        .type(FinalActionType.fromValue(a.type())).takenOn(a.takenOn())))
                .memberStateRequests(map(c.memberStateRequests, r -> new MemberStateRequest()
                        .country(r.country()).sentOn(r.sentOn()).answeredOn(r.answeredOn())));
        if (full) {
            m.victims(map(c.victims, CaseMapper::victim)).paternityClaims(map(c.paternityClaims, p -> new PaternityClaim()
                    .status(PaternityStatus.fromValue(p.status())).openedOn(p.openedOn())));
        } else {
            m.victims(null).paternityClaims(null);
        }
        return m;
    }

    private static Victim victim(CaseRecords.Victim v) {
        return new Victim()
                .sex(VictimSex.fromValue(v.sex()))
                .ageGroup(AgeGroup.fromValue(v.ageGroup()))
                .assistanceOffered(v.assistanceOffered())
                .assistanceAccepted(v.assistanceAccepted())
                .assistance(map(v.assistance(), a -> new VictimAssistance()
                        .type(AssistanceType.fromValue(a.type())).provider(a.provider()).providedOn(a.providedOn())));
    }

    static VictimCounts victimCounts(List<CaseRecords.Victim> victims) {
        int women = 0, girls = 0, men = 0, boys = 0, unknown = 0;
        for (CaseRecords.Victim v : victims) {
            String who = v.sex() + "/" + v.ageGroup();
            switch (who) {
                case "female/adult" -> women++;
                case "female/minor" -> girls++;
                case "male/adult" -> men++;
                case "male/minor" -> boys++;
                default -> unknown++;
            }
        }
        return new VictimCounts().total(victims.size()).women(women).girls(girls).men(men).boys(boys).ageUnknown(unknown);
    }

    private static Crime crime(CaseEntity c) {
        return new Crime()
                .crimeType(CrimeType.fromValue(c.crimeType))
                .location(new CrimeLocation().adminArea(c.locationAdminArea).description(c.locationDescription))
                .peacekeepersKilled(c.peacekeepersKilled)
                .peacekeepersInjured(c.peacekeepersInjured)
                .attributedGroup(c.attributedGroup)
                .nationalCaseNumber(c.nationalCaseNumber)
                .court(c.court)
                .judicialPipeline(new JudicialPipeline()
                        .suspectsIdentified(c.suspectsIdentified)
                        .arrested(c.suspectsArrested)
                        .charged(c.suspectsCharged)
                        .tried(c.suspectsTried)
                        .convicted(c.suspectsConvicted)
                        .acquitted(c.suspectsAcquitted));
    }

    /** The replaceable part of a case, as a PUT body: what a merge patch applies to. */
    static CaseUpdate asUpdate(CaseEntity c) {
        if (!c.isMisconduct()) {
            return new CrimeCaseUpdate()
                    .reportedOn(c.reportedOn)
                    .incidentDate(c.incidentDate)
                    .incidentDatePrecision(DatePrecision.fromValue(c.incidentDatePrecision))
                    .crime(crime(c));
        }
        return new MisconductCaseUpdate()
                .reportedOn(c.reportedOn)
                .incidentDate(c.incidentDate)
                .incidentDatePrecision(DatePrecision.fromValue(c.incidentDatePrecision))
                .misconduct(new MisconductInput()
                    .category(MisconductCategory.fromValue(c.category))
                    .misconductLevel(c.misconductLevel)
                    .seaType(c.seaType == null ? null : SeaType.fromValue(c.seaType))
                    .seaSubtype(c.seaSubtype == null ? null : SeaSubtype.fromValue(c.seaSubtype))
                    .misconductType(c.misconductType)
                    .personnelCategory(PersonnelCategory.fromValue(c.personnelCategory))
                    .allegedPerpetrators(c.allegedPerpetrators)
                    .perpetratorNationality(c.perpetratorNationality)
                    .victims(map(c.victims, CaseMapper::victim))
                    .investigations(map(c.investigations, i -> new InvestigationInput()
                            .entity(InvestigatingEntity.fromValue(i.entity())).openedOn(i.openedOn()).completedOn(i.completedOn())))
                    .interimActions(map(c.interimActions, a -> new InterimAction()
                            .type(InterimActionType.fromValue(a.type())).takenOn(a.takenOn())))
                    .finalActions(map(c.finalActions, a -> new FinalAction()
                            .type(FinalActionType.fromValue(a.type())).takenOn(a.takenOn())))
                    .memberStateRequests(map(c.memberStateRequests, r -> new MemberStateRequest()
                            .country(r.country()).sentOn(r.sentOn()).answeredOn(r.answeredOn())))
                    .paternityClaims(map(c.paternityClaims, p -> new PaternityClaim()
                            .status(PaternityStatus.fromValue(p.status())).openedOn(p.openedOn()))));
    }

    /** Members whose changes a redacted view does not learn of, not even by name. */
    static final Set<String> RESTRICTED_FIELDS = Set.of("misconduct.victims", "misconduct.paternity_claims");

    /**
     * The stored details of a case by the API member that shows them, to tell which members a
     * revision changed (names only: the history never shows values).
     */
    static Map<String, Object> snapshot(CaseEntity c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", c.status);
        s.put("reported_on", c.reportedOn);
        s.put("incident_date", c.incidentDate);
        s.put("incident_date_precision", c.incidentDatePrecision);
        s.put("closed_on", c.closedOn);
        if (c.isMisconduct()) {
            s.put("misconduct.category", c.category);
            s.put("misconduct.misconduct_level", c.misconductLevel);
            s.put("misconduct.sea_type", c.seaType);
            s.put("misconduct.sea_subtype", c.seaSubtype);
            s.put("misconduct.misconduct_type", c.misconductType);
            s.put("misconduct.personnel_category", c.personnelCategory);
            s.put("misconduct.alleged_perpetrators", c.allegedPerpetrators);
            s.put("misconduct.perpetrator_nationality", c.perpetratorNationality);
            s.put("misconduct.victims", c.victims);
            s.put("misconduct.investigations", c.investigations);
            s.put("misconduct.interim_actions", c.interimActions);
            s.put("misconduct.final_actions", c.finalActions);
            s.put("misconduct.member_state_requests", c.memberStateRequests);
            s.put("misconduct.paternity_claims", c.paternityClaims);
        } else {
            s.put("crime.crime_type", c.crimeType);
            s.put("crime.location", List.of(Objects.toString(c.locationAdminArea), Objects.toString(c.locationDescription)));
            s.put("crime.peacekeepers_killed", c.peacekeepersKilled);
            s.put("crime.peacekeepers_injured", c.peacekeepersInjured);
            s.put("crime.attributed_group", c.attributedGroup);
            s.put("crime.national_case_number", c.nationalCaseNumber);
            s.put("crime.court", c.court);
            s.put("crime.judicial_pipeline", java.util.Arrays.asList(c.suspectsIdentified, c.suspectsArrested,
                    c.suspectsCharged, c.suspectsTried, c.suspectsConvicted, c.suspectsAcquitted));
        }
        return s;
    }

    static <S, T> List<T> map(List<S> source, Function<S, T> mapper) {
        return source == null ? new java.util.ArrayList<>() : source.stream().map(mapper).collect(java.util.stream.Collectors.toList());
    }
}
