package org.a4ptracker.peer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import java.time.LocalDate;
import java.util.UUID;

/** A few plain columns of the main service's case table, read-only (the peer never writes). */
@Entity
@Immutable
@Table(name = "accountability_case")
public class PeerCase extends PanacheEntityBase {

    @Id public UUID id;

    public String reference;

    @Column(name = "mission_acronym")
    public String missionAcronym;

    public String kind;

    public String status;

    public String category;

    @Column(name = "reported_on")
    public LocalDate reportedOn;

    public long version;
}
