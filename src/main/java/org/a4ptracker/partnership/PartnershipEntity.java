package org.a4ptracker.partnership;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
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

/**
 * The cooperation between a mission and one of its host countries: the agreement in force, focal
 * points and the transition plan. Focal points and benchmarks are JSON columns of this row, so
 * every Envers revision holds them whole.
 */
@Entity
@Table(name = "host_country_partnership")
@Audited
public class PartnershipEntity extends VersionedEntity {

    enum Status implements StoredEnum {
        NEGOTIATING,
        IN_FORCE,
        SUSPENDED,
        TERMINATED
    }

    enum AgreementType implements StoredEnum {
        SOFA,
        SOMA,
        MOU,
        OTHER
    }

    enum Phase implements StoredEnum {
        PLANNING,
        DRAWDOWN,
        HANDOVER,
        CLOSED
    }

    /** Stored inside the benchmarks' JSON, by the same text as a column would hold it. */
    enum BenchmarkStatus implements StoredEnum {
        NOT_STARTED,
        ON_TRACK,
        AT_RISK,
        ACHIEVED
    }

    @Id @GeneratedValue public UUID id;

    @Column(name = "mission_acronym", updatable = false)
    public String missionAcronym;

    @Column(name = "country_code", updatable = false)
    public String countryCode;

    @Convert(converter = StatusText.class)
    public Status status;

    @Column(name = "agreement_type")
    @Convert(converter = AgreementTypeText.class)
    public AgreementType agreementType;

    @Column(name = "agreement_title")
    public String agreementTitle;

    @Column(name = "agreement_signed_date")
    public LocalDate agreementSignedDate;

    @Column(name = "agreement_in_force_date")
    public LocalDate agreementInForceDate;

    @Column(name = "agreement_document_symbol")
    public String agreementDocumentSymbol;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "focal_points")
    public List<FocalPointData> focalPoints = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "resolution_2589_focal_point")
    public FocalPointData resolution2589FocalPoint;

    @Column(name = "transition_phase")
    @Convert(converter = PhaseText.class)
    public Phase transitionPhase;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "transition_benchmarks")
    public List<BenchmarkData> transitionBenchmarks = new ArrayList<>();

    /** A focal point as stored: a function and how to reach it, never a person's private data. */
    public record FocalPointData(String function, String organisation, String contactChannel) {}

    /** A transition benchmark as stored. */
    public record BenchmarkData(
            String indicator, String target, String currentValue, BenchmarkStatus status) {}

    public static class StatusText extends StoredEnum.Converter<Status> {
        public StatusText() {
            super(Status.class);
        }
    }

    public static class AgreementTypeText extends StoredEnum.Converter<AgreementType> {
        public AgreementTypeText() {
            super(AgreementType.class);
        }
    }

    public static class PhaseText extends StoredEnum.Converter<Phase> {
        public PhaseText() {
            super(Phase.class);
        }
    }
}
