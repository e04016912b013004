package org.a4ptracker.mission;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.a4ptracker.platform.persistence.StoredEnum;
import org.a4ptracker.platform.persistence.VersionedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A peacekeeping operation. */
@Entity
@Table(name = "mission")
public class MissionEntity extends VersionedEntity {

    @Id public String acronym;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "name_fr")
    public String nameFr;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "host_countries", columnDefinition = "varchar(3)[]")
    public String[] hostCountries;

    @Column(name = "host_territory")
    public String hostTerritory;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "mandate_resolution")
    public Integer mandateResolution;

    @Column(name = "mandate_adopted_on")
    public LocalDate mandateAdoptedOn;

    public String headquarters;

    @Convert(converter = Status.Converter.class)
    public Status status;

    /** Whether the quarter starting on {@code periodStart} overlaps the mission's life. */
    public boolean runsDuring(ReportingPeriod period) {
        return !period.end().isBefore(startDate)
                && (endDate == null || !period.start().isAfter(endDate));
    }

    /** Where a mission is in its life; the constants are in life-cycle order. */
    public enum Status implements StoredEnum {
        ACTIVE,
        TRANSITION,
        CLOSED;

        /** A mission only moves forward: to its own status or a later one. */
        boolean canMoveTo(Status target) {
            return target.compareTo(this) >= 0;
        }

        /** The statuses a mission in this one may take, as the contract spells them. */
        List<String> reachable() {
            return Arrays.stream(values()).filter(this::canMoveTo).map(Status::value).toList();
        }

        public static class Converter extends StoredEnum.Converter<Status> {
            public Converter() {
                super(Status.class);
            }
        }
    }
}
