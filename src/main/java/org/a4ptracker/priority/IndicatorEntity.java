package org.a4ptracker.priority;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import org.a4ptracker.platform.persistence.StoredEnum;
import org.a4ptracker.platform.persistence.VersionedEntity;

/** A measure of progress on one priority, with baseline and target. */
@Entity
@Table(name = "indicator")
public class IndicatorEntity extends VersionedEntity {

    @Id @GeneratedValue public UUID id;

    @Column(name = "priority_code")
    public String priorityCode;

    public String code;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "name_fr")
    public String nameFr;

    public String unit;

    public BigDecimal baseline;

    public BigDecimal target;

    @Convert(converter = Direction.Converter.class)
    public Direction direction;

    @Column(name = "data_source")
    public String dataSource;

    /** Which way of the baseline the target lies. */
    public enum Direction implements StoredEnum {
        HIGHER_IS_BETTER,
        LOWER_IS_BETTER;

        public static class Converter extends StoredEnum.Converter<Direction> {
            public Converter() {
                super(Direction.class);
            }
        }
    }
}
