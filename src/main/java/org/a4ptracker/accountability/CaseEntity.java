package org.a4ptracker.accountability;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.a4ptracker.platform.persistence.StoredEnum;
import org.a4ptracker.platform.persistence.VersionedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/** A misconduct case or a crime against peacekeepers; every change is kept by Envers. */
@Entity
@Audited
@Table(name = "accountability_case")
public class CaseEntity extends VersionedEntity {

    public enum Kind implements StoredEnum {
        MISCONDUCT,
        CRIME_AGAINST_PEACEKEEPERS;

        public static class Converter extends StoredEnum.Converter<Kind> {
            public Converter() {
                super(Kind.class);
            }
        }
    }

    /** Both kinds' workflow statuses; {@link CaseWorkflow} says which apply to which kind. */
    public enum Status implements StoredEnum {
        REPORTED,
        PRELIMINARY_ASSESSMENT,
        CLOSED_NO_BASIS,
        UNDER_REVIEW_LIMITED_INFORMATION,
        REFERRED,
        UNDER_INVESTIGATION,
        PENDING_MEMBER_STATE_INVESTIGATION,
        SUBSTANTIATED,
        NOT_SUBSTANTIATED,
        CLOSED_OTHER,
        ACTION_PENDING,
        ACTION_TAKEN,
        CLOSED,
        NO_NATIONAL_INVESTIGATION,
        INVESTIGATION_OPENED,
        SUSPECTS_IDENTIFIED,
        ARRESTED,
        CHARGED,
        ON_TRIAL,
        CONVICTED,
        ACQUITTED,
        DISMISSED,
        DORMANT;

        public static class Converter extends StoredEnum.Converter<Status> {
            public Converter() {
                super(Status.class);
            }
        }
    }

    public enum DatePrecision implements StoredEnum {
        DAY,
        MONTH,
        YEAR,
        UNKNOWN;

        public static class Converter extends StoredEnum.Converter<DatePrecision> {
            public Converter() {
                super(DatePrecision.class);
            }
        }
    }

    public enum Category implements StoredEnum {
        SEA,
        OTHER_MISCONDUCT;

        public static class Converter extends StoredEnum.Converter<Category> {
            public Converter() {
                super(Category.class);
            }
        }
    }

    public enum SeaType implements StoredEnum {
        SEXUAL_EXPLOITATION,
        SEXUAL_ABUSE;

        public static class Converter extends StoredEnum.Converter<SeaType> {
            public Converter() {
                super(SeaType.class);
            }
        }
    }

    public enum SeaSubtype implements StoredEnum {
        TRANSACTIONAL_SEX,
        EXPLOITATIVE_RELATIONSHIP,
        RAPE,
        SEXUAL_ASSAULT,
        SEXUAL_ACTIVITY_WITH_MINOR,
        OTHER;

        public static class Converter extends StoredEnum.Converter<SeaSubtype> {
            public Converter() {
                super(SeaSubtype.class);
            }
        }
    }

    public enum PersonnelCategory implements StoredEnum {
        CIVILIAN_INTERNATIONAL,
        CIVILIAN_NATIONAL,
        UN_VOLUNTEER,
        MILITARY_CONTINGENT,
        MILITARY_OBSERVER_OR_STAFF_OFFICER,
        INDIVIDUAL_POLICE,
        FORMED_POLICE_UNIT,
        CONTRACTOR;

        /** Military and police personnel, whose nationality the UN records. */
        boolean uniformed() {
            return this == MILITARY_CONTINGENT
                    || this == MILITARY_OBSERVER_OR_STAFF_OFFICER
                    || this == INDIVIDUAL_POLICE
                    || this == FORMED_POLICE_UNIT;
        }

        public static class Converter extends StoredEnum.Converter<PersonnelCategory> {
            public Converter() {
                super(PersonnelCategory.class);
            }
        }
    }

    public enum CrimeType implements StoredEnum {
        IED,
        DIRECT_ATTACK,
        INDIRECT_FIRE,
        AMBUSH,
        ABDUCTION,
        DETENTION,
        OTHER;

        public static class Converter extends StoredEnum.Converter<CrimeType> {
            public Converter() {
                super(CrimeType.class);
            }
        }
    }

    @Id public UUID id;

    public String reference;

    @Convert(converter = Kind.Converter.class)
    public Kind kind;

    @Column(name = "mission_acronym")
    public String missionAcronym;

    @Convert(converter = Status.Converter.class)
    public Status status;

    @Convert(converter = Status.Converter.class)
    @Column(name = "status_before_dormant")
    public Status statusBeforeDormant;

    @Column(name = "reported_on")
    public LocalDate reportedOn;

    @Column(name = "incident_date")
    public LocalDate incidentDate;

    @Convert(converter = DatePrecision.Converter.class)
    @Column(name = "incident_date_precision")
    public DatePrecision incidentDatePrecision;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    // Misconduct
    @Convert(converter = Category.Converter.class)
    public Category category;

    @Column(name = "misconduct_level")
    public Integer misconductLevel;

    @Convert(converter = SeaType.Converter.class)
    @Column(name = "sea_type")
    public SeaType seaType;

    @Convert(converter = SeaSubtype.Converter.class)
    @Column(name = "sea_subtype")
    public SeaSubtype seaSubtype;

    @Column(name = "misconduct_type")
    public String misconductType;

    @Convert(converter = PersonnelCategory.Converter.class)
    @Column(name = "personnel_category")
    public PersonnelCategory personnelCategory;

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
    public List<CaseRecords.InterimAction> interimActions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "final_actions")
    public List<CaseRecords.FinalAction> finalActions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "member_state_requests")
    public List<CaseRecords.MemberStateRequest> memberStateRequests = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "paternity_claims")
    public List<CaseRecords.PaternityClaim> paternityClaims = new ArrayList<>();

    // Crimes against peacekeepers
    @Convert(converter = CrimeType.Converter.class)
    @Column(name = "crime_type")
    public CrimeType crimeType;

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
        return kind == Kind.MISCONDUCT;
    }
}
