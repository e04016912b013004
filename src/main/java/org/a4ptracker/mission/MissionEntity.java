package org.a4ptracker.mission;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

/** A peacekeeping operation. */
@Entity
@Table(name = "mission")
public class MissionEntity {

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

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Whether the quarter starting on {@code periodStart} overlaps the mission's life. */
    public boolean runsDuring(ReportingPeriod period) {
        return !period.end().isBefore(startDate) && (endDate == null || !period.start().isAfter(endDate));
    }
}
