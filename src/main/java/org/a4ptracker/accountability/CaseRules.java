package org.a4ptracker.accountability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.a4ptracker.accountability.CaseEntity.Kind;
import org.a4ptracker.accountability.CaseEntity.PersonnelCategory;
import org.a4ptracker.api.model.DatePrecision;
import org.a4ptracker.api.model.InvestigationInput;
import org.a4ptracker.api.model.JudicialPipeline;
import org.a4ptracker.api.model.MemberStateRequest;
import org.a4ptracker.api.model.MisconductCategory;
import org.a4ptracker.api.model.MisconductInput;
import org.a4ptracker.api.model.ProblemError;
import org.a4ptracker.api.model.Victim;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.persistence.CountryCodes;
import org.a4ptracker.platform.persistence.StoredEnum;

/** The rules a case's details follow that the contract cannot express. */
final class CaseRules {

    private CaseRules() {}

    /**
     * Checks the details of a case of {@code kind}: a 400 listing every violation, or a 422 for the
     * pipeline.
     */
    static void check(Kind kind, CaseMapper.Details input) {
        List<ProblemError> errors = new ArrayList<>();
        checkDates(input, errors);
        if (kind == Kind.MISCONDUCT) {
            if (input.crime() != null) {
                errors.add(
                        ProblemException.fieldError(
                                "/crime", "is only for crimes against peacekeepers"));
            }
            if (input.misconduct() == null) {
                errors.add(
                        ProblemException.fieldError(
                                "/misconduct", "is required for a misconduct case"));
            } else {
                checkMisconduct(input.misconduct(), errors);
            }
        } else {
            if (input.misconduct() != null) {
                errors.add(
                        ProblemException.fieldError("/misconduct", "is only for misconduct cases"));
            }
            if (input.crime() == null) {
                errors.add(
                        ProblemException.fieldError(
                                "/crime", "is required for a crime against peacekeepers"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (kind != Kind.MISCONDUCT) {
            checkPipeline(input.crime().getJudicialPipeline());
        }
    }

    private static void checkDates(CaseMapper.Details input, List<ProblemError> errors) {
        LocalDate incident = input.incidentDate();
        DatePrecision precision = input.incidentDatePrecision();
        if (precision == DatePrecision.UNKNOWN && incident != null) {
            errors.add(
                    ProblemException.fieldError(
                            "/incident_date", "must be absent when its precision is unknown"));
        } else if (precision != DatePrecision.UNKNOWN && incident == null) {
            errors.add(
                    ProblemException.fieldError(
                            "/incident_date", "is required unless its precision is unknown"));
        } else if (incident != null) {
            if (precision == DatePrecision.MONTH && incident.getDayOfMonth() != 1
                    || precision == DatePrecision.YEAR && incident.getDayOfYear() != 1) {
                errors.add(
                        ProblemException.fieldError(
                                "/incident_date",
                                "must be the first day of the "
                                        + precision
                                        + " when its precision is "
                                        + precision));
            }
            if (incident.isAfter(input.reportedOn())) {
                errors.add(
                        ProblemException.fieldError(
                                "/incident_date", "must not be after reported_on"));
            }
        }
    }

    private static void checkMisconduct(MisconductInput m, List<ProblemError> errors) {
        if (m.getCategory() == MisconductCategory.SEA) {
            if (m.getSeaType() == null) {
                errors.add(
                        ProblemException.fieldError(
                                "/misconduct/sea_type",
                                "is required for sexual exploitation and abuse"));
            }
            if (m.getMisconductLevel() != null && m.getMisconductLevel() != 1) {
                errors.add(
                        ProblemException.fieldError(
                                "/misconduct/misconduct_level",
                                "must be 1: sexual exploitation and abuse is category 1 misconduct"));
            }
        } else {
            if (m.getSeaType() != null || m.getSeaSubtype() != null) {
                errors.add(
                        ProblemException.fieldError(
                                m.getSeaType() != null
                                        ? "/misconduct/sea_type"
                                        : "/misconduct/sea_subtype",
                                "is only for sexual exploitation and abuse"));
            }
            if (m.getMisconductLevel() == null) {
                errors.add(
                        ProblemException.fieldError(
                                "/misconduct/misconduct_level",
                                "is required for other misconduct"));
            }
            if (m.getMisconductType() == null || m.getMisconductType().isBlank()) {
                errors.add(
                        ProblemException.fieldError(
                                "/misconduct/misconduct_type", "is required for other misconduct"));
            }
        }
        if (m.getPerpetratorNationality() != null) {
            if (!StoredEnum.fromApi(PersonnelCategory.class, m.getPersonnelCategory())
                    .uniformed()) {
                errors.add(
                        ProblemException.fieldError(
                                "/misconduct/perpetrator_nationality",
                                "is recorded for uniformed personnel only"));
            } else if (!CountryCodes.isAlpha3(m.getPerpetratorNationality())) {
                errors.add(
                        ProblemException.fieldError(
                                "/misconduct/perpetrator_nationality",
                                "is not an ISO 3166-1 alpha-3 country code"));
            }
        }
        List<Victim> victims = orEmpty(m.getVictims());
        for (int i = 0; i < victims.size(); i++) {
            if (victims.get(i).getAssistanceAccepted() && !victims.get(i).getAssistanceOffered()) {
                errors.add(
                        ProblemException.fieldError(
                                "/misconduct/victims/" + i + "/assistance_accepted",
                                "cannot be true when no assistance was offered"));
            }
        }
        List<InvestigationInput> investigations = orEmpty(m.getInvestigations());
        for (int i = 0; i < investigations.size(); i++) {
            InvestigationInput inv = investigations.get(i);
            if (inv.getCompletedOn() != null && inv.getCompletedOn().isBefore(inv.getOpenedOn())) {
                errors.add(
                        ProblemException.fieldError(
                                "/misconduct/investigations/" + i + "/completed_on",
                                "must not be before opened_on"));
            }
        }
        List<MemberStateRequest> requests = orEmpty(m.getMemberStateRequests());
        for (int i = 0; i < requests.size(); i++) {
            MemberStateRequest r = requests.get(i);
            if (!CountryCodes.isAlpha3(r.getCountry())) {
                errors.add(
                        ProblemException.fieldError(
                                "/misconduct/member_state_requests/" + i + "/country",
                                "is not an ISO 3166-1 alpha-3 country code"));
            }
            if (r.getAnsweredOn() != null && r.getAnsweredOn().isBefore(r.getSentOn())) {
                errors.add(
                        ProblemException.fieldError(
                                "/misconduct/member_state_requests/" + i + "/answered_on",
                                "must not be before sent_on"));
            }
        }
    }

    /** Each stage of the host state's follow-up holds at most the suspects of the stage before. */
    private static void checkPipeline(JudicialPipeline p) {
        List<ProblemError> errors = new ArrayList<>();
        stage(
                errors,
                "arrested",
                p.getArrested(),
                "suspects_identified",
                p.getSuspectsIdentified());
        stage(errors, "charged", p.getCharged(), "arrested", p.getArrested());
        stage(errors, "tried", p.getTried(), "charged", p.getCharged());
        long decided = (long) p.getConvicted() + p.getAcquitted();
        if (decided > p.getTried()) {
            errors.add(
                    ProblemException.fieldError(
                            "/crime/judicial_pipeline/convicted",
                            "convicted plus acquitted ("
                                    + decided
                                    + ") exceeds tried ("
                                    + p.getTried()
                                    + ")"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    422,
                    "/problems/judicial-pipeline-inconsistent",
                    "Judicial pipeline is inconsistent",
                    "A stage of the judicial pipeline counts more suspects than the stage before it.",
                    errors,
                    null,
                    Map.of());
        }
    }

    private static void stage(
            List<ProblemError> errors, String name, int value, String previous, int previousValue) {
        if (value > previousValue) {
            errors.add(
                    ProblemException.fieldError(
                            "/crime/judicial_pipeline/" + name,
                            name
                                    + " ("
                                    + value
                                    + ") exceeds "
                                    + previous
                                    + " ("
                                    + previousValue
                                    + ")"));
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
