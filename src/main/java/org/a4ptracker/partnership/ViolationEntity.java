package org.a4ptracker.partnership;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.envers.Audited;

/** A violation of the status-of-forces (or status-of-mission) agreement and its follow-up. */
@Entity
@Table(name = "partnership_violation")
@Audited
public class ViolationEntity {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "partnership_id", updatable = false)
    public UUID partnershipId;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    public String type;

    public String perpetrator;

    public String location;

    public String description;

    @Column(name = "raised_through")
    public String raisedThrough;

    public String status;

    @Column(name = "resolution_date")
    public LocalDate resolutionDate;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
