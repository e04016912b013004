package org.a4ptracker.accountability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;
import org.a4ptracker.platform.persistence.VersionedEntity;

/** A misconduct case or a crime against peacekeepers; every change is kept by Envers. */
@Entity
@Audited
@Table(name = "accountability_case")
public class CaseEntity extends VersionedEntity {

    public static final String MISCONDUCT = "misconduct";
    public static final String CRIME = "crime_against_peacekeepers";

    @Id
    public UUID id;

    public String reference;

    public String kind;

    @Column(name = "mission_acronym")
    public String missionAcronym;

    public String status;

    @Column(name = "status_before_dormant")
    public String statusBeforeDormant;

    @Column(name = "reported_on")
    public LocalDate reportedOn;

    @Column(name = "incident_date")
    public LocalDate incidentDate;

    @Column(name = "incident_date_precision")
    public String incidentDatePrecision;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    // Misconduct
    public String category;

    @Column(name = "misconduct_level")
    public Integer misconductLevel;

    @Column(name = "sea_type")
    public String seaType;

    @Column(name = "sea_subtype")
    public String seaSubtype;

    @Column(name = "misconduct_type")
    public String misconductType;

    @Column(name = "personnel_category")
    public String personnelCategory;

    @Column(name = "alleged_perpetrators")
    public Integer allegedPerpetrators;

    @Column(name = "perpetrator_nationality")
    public String perpetratorNationality;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<CaseRecords.Victim> victims = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<CaseRecords.Investigation> investigations = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "interim_actions")
    public List<CaseRecords.Action> interimActions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "final_actions")
    public List<CaseRecords.Action> finalActions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "member_state_requests")
    public List<CaseRecords.MemberStateRequest> memberStateRequests = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "paternity_claims")
    public List<CaseRecords.PaternityClaim> paternityClaims = new ArrayList<>();

    // Crimes against peacekeepers
    @Column(name = "crime_type")
    public String crimeType;

    @Column(name = "location_admin_area")
    public String locationAdminArea;

    @Column(name = "location_description")
    public String locationDescription;

    @Column(name = "peacekeepers_killed")
    public Integer peacekeepersKilled;

    @Column(name = "peacekeepers_injured")
    public Integer peacekeepersInjured;

    @Column(name = "attributed_group")
    public String attributedGroup;

    @Column(name = "national_case_number")
    public String nationalCaseNumber;

    public String court;

    @Column(name = "suspects_identified")
    public Integer suspectsIdentified;

    @Column(name = "suspects_arrested")
    public Integer suspectsArrested;

    @Column(name = "suspects_charged")
    public Integer suspectsCharged;

    @Column(name = "suspects_tried")
    public Integer suspectsTried;

    @Column(name = "suspects_convicted")
    public Integer suspectsConvicted;

    @Column(name = "suspects_acquitted")
    public Integer suspectsAcquitted;

    public boolean isMisconduct() {
        return MISCONDUCT.equals(kind);
    }
}
