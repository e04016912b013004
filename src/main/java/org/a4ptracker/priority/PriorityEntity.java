package org.a4ptracker.priority;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.a4ptracker.platform.persistence.StoredEnum;
import org.hibernate.annotations.Immutable;

/** An A4P+ priority or cross-cutting theme: reference data seeded by a migration. */
@Entity
@Immutable
@Table(name = "priority")
public class PriorityEntity {

    @Id public String code;

    @Convert(converter = Kind.Converter.class)
    public Kind kind;

    public int position;

    @Column(name = "title_en")
    public String titleEn;

    @Column(name = "title_fr")
    public String titleFr;

    @Column(name = "description_en")
    public String descriptionEn;

    @Column(name = "description_fr")
    public String descriptionFr;

    /** A priority of A4P+ or one of its cross-cutting themes. */
    public enum Kind implements StoredEnum {
        PRIORITY,
        CROSS_CUTTING;

        public static class Converter extends StoredEnum.Converter<Kind> {
            public Converter() {
                super(Kind.class);
            }
        }
    }
}
