package org.a4ptracker.mission;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.a4ptracker.platform.persistence.VersionedEntity;

/** A peacekeeping operation. */
@Entity
@Table(name = "mission")
public class MissionEntity extends VersionedEntity {

    @Id
    public String acronym;

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

    public String status;

    /** Whether the quarter starting on {@code periodStart} overlaps the mission's life. */
    public boolean runsDuring(ReportingPeriod period) {
        return !period.end().isBefore(startDate) && (endDate == null || !period.start().isAfter(endDate));
    }
}
