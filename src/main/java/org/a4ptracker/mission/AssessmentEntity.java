package org.a4ptracker.mission;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.persistence.StoredEnum;
import org.a4ptracker.platform.persistence.VersionedEntity;
import org.hibernate.annotations.BatchSize;

/** How a mission did on one priority in one reporting quarter. */
@Entity
@Table(name = "assessment")
public class AssessmentEntity extends VersionedEntity {

    @Id @GeneratedValue public UUID id;

    @Column(name = "mission_acronym")
    public String missionAcronym;

    @Column(name = "priority_code")
    public String priorityCode;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Convert(converter = Rating.Converter.class)
    public Rating rating;

    public Integer score;

    public String narrative;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(
            name = "assessment_indicator_value",
            joinColumns = @JoinColumn(name = "assessment_id"))
    // A whole page of assessments (at most Keyset.MAX_LIMIT + 1) gets its values in one statement.
    @BatchSize(size = Keyset.MAX_LIMIT + 1)
    public List<IndicatorValue> indicatorValues = new ArrayList<>();

    @Embeddable
    public static class IndicatorValue {
        @Column(name = "indicator_id")
        public UUID indicatorId;

        public BigDecimal value;

        public String note;
    }

    /** How a mission stands on a priority in a quarter. */
    public enum Rating implements StoredEnum {
        ON_TRACK,
        AT_RISK,
        OFF_TRACK,
        NOT_ASSESSED;

        public static class Converter extends StoredEnum.Converter<Rating> {
            public Converter() {
                super(Rating.class);
            }
        }
    }
}
