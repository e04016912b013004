package org.a4ptracker.accountability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.a4ptracker.api.model.CaseCreate;
import org.a4ptracker.api.model.CaseUpdate;
import org.a4ptracker.api.model.Crime;
import org.a4ptracker.api.model.CrimeCaseCreate;
import org.a4ptracker.api.model.CrimeCaseUpdate;
import org.a4ptracker.api.model.DatePrecision;
import org.a4ptracker.api.model.InvestigationInput;
import org.a4ptracker.api.model.JudicialPipeline;
import org.a4ptracker.api.model.MemberStateRequest;
import org.a4ptracker.api.model.MisconductCaseCreate;
import org.a4ptracker.api.model.MisconductCaseUpdate;
import org.a4ptracker.api.model.MisconductCategory;
import org.a4ptracker.api.model.MisconductInput;
import org.a4ptracker.api.model.ProblemError;
import org.a4ptracker.api.model.Victim;
import org.a4ptracker.platform.persistence.CountryCodes;
import org.a4ptracker.platform.http.ProblemException;

/** Checks a case's details against the rules the contract cannot express, then stores them. */
final class CaseDetails {

    private static final Set<String> UNIFORMED = Set.of("military_contingent", "military_observer_or_staff_officer",
            "individual_police", "formed_police_unit");

    private CaseDetails() {
    }

    /**
     * The replaceable details of a case, whichever variant of the contract's {@code oneOf} carried them
     * (exactly one of {@code misconduct} and {@code crime} is set).
     */
    record Input(LocalDate reportedOn, LocalDate incidentDate, DatePrecision incidentDatePrecision,
                 MisconductInput misconduct, Crime crime) {

        static Input of(CaseCreate create) {
            if (create instanceof MisconductCaseCreate m) {
                return new Input(m.getReportedOn(), m.getIncidentDate(), m.getIncidentDatePrecision(), m.getMisconduct(), null);
            }
            CrimeCaseCreate k = (CrimeCaseCreate) create;
            return new Input(k.getReportedOn(), k.getIncidentDate(), k.getIncidentDatePrecision(), null, k.getCrime());
        }

        static Input of(CaseUpdate update) {
            if (update instanceof MisconductCaseUpdate m) {
                return new Input(m.getReportedOn(), m.getIncidentDate(), m.getIncidentDatePrecision(), m.getMisconduct(), null);
            }
            CrimeCaseUpdate k = (CrimeCaseUpdate) update;
            return new Input(k.getReportedOn(), k.getIncidentDate(), k.getIncidentDatePrecision(), null, k.getCrime());
        }

        MisconductInput getMisconduct() {
            return misconduct;
        }

        Crime getCrime() {
            return crime;
        }

        LocalDate getReportedOn() {
            return reportedOn;
        }

        LocalDate getIncidentDate() {
            return incidentDate;
        }

        DatePrecision getIncidentDatePrecision() {
            return incidentDatePrecision;
        }
    }

    /** Validates {@code input} for a case of this kind and copies it into {@code c}. */
    static void apply(CaseEntity c, Input input) {
        List<ProblemError> errors = new ArrayList<>();
        checkDates(input, errors);
        if (c.isMisconduct()) {
            if (input.getCrime() != null) {
                errors.add(ProblemException.fieldError("/crime", "is only for crimes against peacekeepers"));
            }
            if (input.getMisconduct() == null) {
                errors.add(ProblemException.fieldError("/misconduct", "is required for a misconduct case"));
            } else {
                checkMisconduct(input.getMisconduct(), errors);
            }
        } else {
            if (input.getMisconduct() != null) {
                errors.add(ProblemException.fieldError("/misconduct", "is only for misconduct cases"));
            }
            if (input.getCrime() == null) {
                errors.add(ProblemException.fieldError("/crime", "is required for a crime against peacekeepers"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!c.isMisconduct()) {
            checkPipeline(input.getCrime().getJudicialPipeline());
        }
        c.reportedOn = input.getReportedOn();
        c.incidentDate = input.getIncidentDate();
        c.incidentDatePrecision = input.getIncidentDatePrecision().toString();
        if (c.isMisconduct()) {
            storeMisconduct(c, input.getMisconduct());
        } else {
            storeCrime(c, input.getCrime());
        }
    }

    private static void checkDates(Input input, List<ProblemError> errors) {
        LocalDate incident = input.getIncidentDate();
        DatePrecision precision = input.getIncidentDatePrecision();
        if (precision == DatePrecision.UNKNOWN && incident != null) {
            errors.add(ProblemException.fieldError("/incident_date", "must be absent when its precision is unknown"));
        } else if (precision != DatePrecision.UNKNOWN && incident == null) {
            errors.add(ProblemException.fieldError("/incident_date", "is required unless its precision is unknown"));
        } else if (incident != null) {
            if (precision == DatePrecision.MONTH && incident.getDayOfMonth() != 1
                    || precision == DatePrecision.YEAR && incident.getDayOfYear() != 1) {
                errors.add(ProblemException.fieldError("/incident_date",
                        "must be the first day of the " + precision + " when its precision is " + precision));
            }
            if (incident.isAfter(input.getReportedOn())) {
                errors.add(ProblemException.fieldError("/incident_date", "must not be after reported_on"));
            }
        }
    }

    private static void checkMisconduct(MisconductInput m, List<ProblemError> errors) {
        if (m.getCategory() == MisconductCategory.SEA) {
            if (m.getSeaType() == null) {
                errors.add(ProblemException.fieldError("/misconduct/sea_type", "is required for sexual exploitation and abuse"));
            }
            if (m.getMisconductLevel() != null && m.getMisconductLevel() != 1) {
                errors.add(ProblemException.fieldError("/misconduct/misconduct_level",
                        "must be 1: sexual exploitation and abuse is category 1 misconduct"));
            }
        } else {
            if (m.getSeaType() != null || m.getSeaSubtype() != null) {
                errors.add(ProblemException.fieldError(m.getSeaType() != null ? "/misconduct/sea_type" : "/misconduct/sea_subtype",
                        "is only for sexual exploitation and abuse"));
            }
            if (m.getMisconductLevel() == null) {
                errors.add(ProblemException.fieldError("/misconduct/misconduct_level", "is required for other misconduct"));
            }
            if (m.getMisconductType() == null || m.getMisconductType().isBlank()) {
                errors.add(ProblemException.fieldError("/misconduct/misconduct_type", "is required for other misconduct"));
            }
        }
        if (m.getPerpetratorNationality() != null) {
            if (!UNIFORMED.contains(m.getPersonnelCategory().toString())) {
                errors.add(ProblemException.fieldError("/misconduct/perpetrator_nationality",
                        "is recorded for uniformed personnel only"));
            } else if (!CountryCodes.isAlpha3(m.getPerpetratorNationality())) {
                errors.add(ProblemException.fieldError("/misconduct/perpetrator_nationality",
                        "is not an ISO 3166-1 alpha-3 country code"));
            }
        }
        List<Victim> victims = orEmpty(m.getVictims());
        for (int i = 0; i < victims.size(); i++) {
            if (victims.get(i).getAssistanceAccepted() && !victims.get(i).getAssistanceOffered()) {
                errors.add(ProblemException.fieldError("/misconduct/victims/" + i + "/assistance_accepted",
                        "cannot be true when no assistance was offered"));
            }
        }
        List<InvestigationInput> investigations = orEmpty(m.getInvestigations());
        for (int i = 0; i < investigations.size(); i++) {
            InvestigationInput inv = investigations.get(i);
            if (inv.getCompletedOn() != null && inv.getCompletedOn().isBefore(inv.getOpenedOn())) {
                errors.add(ProblemException.fieldError("/misconduct/investigations/" + i + "/completed_on",
                        "must not be before opened_on"));
            }
        }
        List<MemberStateRequest> requests = orEmpty(m.getMemberStateRequests());
        for (int i = 0; i < requests.size(); i++) {
            MemberStateRequest r = requests.get(i);
            if (!CountryCodes.isAlpha3(r.getCountry())) {
                errors.add(ProblemException.fieldError("/misconduct/member_state_requests/" + i + "/country",
                        "is not an ISO 3166-1 alpha-3 country code"));
            }
            if (r.getAnsweredOn() != null && r.getAnsweredOn().isBefore(r.getSentOn())) {
                errors.add(ProblemException.fieldError("/misconduct/member_state_requests/" + i + "/answered_on",
                        "must not be before sent_on"));
            }
        }
    }

    /** Each stage of the host state's follow-up holds at most the suspects of the stage before. */
    private static void checkPipeline(JudicialPipeline p) {
        List<ProblemError> errors = new ArrayList<>();
        stage(errors, "arrested", p.getArrested(), "suspects_identified", p.getSuspectsIdentified());
        stage(errors, "charged", p.getCharged(), "arrested", p.getArrested());
        stage(errors, "tried", p.getTried(), "charged", p.getCharged());
        long decided = (long) p.getConvicted() + p.getAcquitted();
        if (decided > p.getTried()) {
            errors.add(ProblemException.fieldError("/crime/judicial_pipeline/convicted",
                    "convicted plus acquitted (" + decided + ") exceeds tried (" + p.getTried() + ")"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "/problems/judicial-pipeline-inconsistent", "Judicial pipeline is inconsistent",
                    "A stage of the judicial pipeline counts more suspects than the stage before it.", errors, null,
                    java.util.Map.of());
        }
    }

    private static void stage(List<ProblemError> errors, String name, int value, String previous, int previousValue) {
        if (value > previousValue) {
            errors.add(ProblemException.fieldError("/crime/judicial_pipeline/" + name,
                    name + " (" + value + ") exceeds " + previous + " (" + previousValue + ")"));
        }
    }

    private static void storeMisconduct(CaseEntity c, MisconductInput m) {
        c.category = m.getCategory().toString();
        c.misconductLevel = m.getCategory() == MisconductCategory.SEA ? Integer.valueOf(1) : m.getMisconductLevel();
        c.seaType = m.getSeaType() == null ? null : m.getSeaType().toString();
        c.seaSubtype = m.getSeaSubtype() == null ? null : m.getSeaSubtype().toString();
        c.misconductType = m.getMisconductType();
        c.personnelCategory = m.getPersonnelCategory().toString();
        c.allegedPerpetrators = m.getAllegedPerpetrators();
        c.perpetratorNationality = m.getPerpetratorNationality();
        c.victims = CaseMapper.map(orEmpty(m.getVictims()), v -> new CaseRecords.Victim(v.getSex().toString(),
                v.getAgeGroup().toString(), v.getAssistanceOffered(), v.getAssistanceAccepted(),
                CaseMapper.map(orEmpty(v.getAssistance()), a -> new CaseRecords.Assistance(a.getType().toString(),
                        a.getProvider(), a.getProvidedOn()))));
        c.investigations = CaseMapper.map(orEmpty(m.getInvestigations()), i -> new CaseRecords.Investigation(
                i.getEntity().toString(), i.getOpenedOn(), i.getCompletedOn()));
        c.interimActions = CaseMapper.map(orEmpty(m.getInterimActions()), a -> new CaseRecords.Action(
                a.getType().toString(), a.getTakenOn()));
        c.finalActions = CaseMapper.map(orEmpty(m.getFinalActions()), a -> new CaseRecords.Action(
                a.getType().toString(), a.getTakenOn()));
        c.memberStateRequests = CaseMapper.map(orEmpty(m.getMemberStateRequests()), r -> new CaseRecords.MemberStateRequest(
                r.getCountry(), r.getSentOn(), r.getAnsweredOn()));
        c.paternityClaims = CaseMapper.map(orEmpty(m.getPaternityClaims()), p -> new CaseRecords.PaternityClaim(
                p.getStatus().toString(), p.getOpenedOn()));
    }

    private static void storeCrime(CaseEntity c, Crime crime) {
        c.crimeType = crime.getCrimeType().toString();
        c.locationAdminArea = crime.getLocation().getAdminArea();
        c.locationDescription = crime.getLocation().getDescription();
        c.peacekeepersKilled = crime.getPeacekeepersKilled();
        c.peacekeepersInjured = crime.getPeacekeepersInjured();
        c.attributedGroup = crime.getAttributedGroup();
        c.nationalCaseNumber = crime.getNationalCaseNumber();
        c.court = crime.getCourt();
        JudicialPipeline p = crime.getJudicialPipeline();
        c.suspectsIdentified = p.getSuspectsIdentified();
        c.suspectsArrested = p.getArrested();
        c.suspectsCharged = p.getCharged();
        c.suspectsTried = p.getTried();
        c.suspectsConvicted = p.getConvicted();
        c.suspectsAcquitted = p.getAcquitted();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
