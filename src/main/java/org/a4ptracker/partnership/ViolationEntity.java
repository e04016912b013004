package org.a4ptracker.partnership;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.a4ptracker.platform.persistence.VersionedEntity;

/** A violation of the status-of-forces (or status-of-mission) agreement and its follow-up. */
@Entity
@Table(name = "partnership_violation")
@Audited
public class ViolationEntity extends VersionedEntity {

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
}
