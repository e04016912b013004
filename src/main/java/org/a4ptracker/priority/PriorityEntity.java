package org.a4ptracker.priority;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** An A4P+ priority or cross-cutting theme: reference data seeded by a migration. */
@Entity
@Immutable
@Table(name = "priority")
public class PriorityEntity {

    @Id
    public String code;

    public String kind;

    public int position;

    @Column(name = "title_en")
    public String titleEn;

    @Column(name = "title_fr")
    public String titleFr;

    @Column(name = "description_en")
    public String descriptionEn;

    @Column(name = "description_fr")
    public String descriptionFr;
}
