package org.a4ptracker.priority;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import org.a4ptracker.api.model.Indicator;
import org.a4ptracker.api.model.IndicatorDirection;
import org.a4ptracker.api.model.IndicatorInput;
import org.a4ptracker.api.model.LocalizedText;
import org.a4ptracker.platform.persistence.StoredEnum;

/** Between stored indicators and the API's models, both ways. */
final class IndicatorMapper {

    private IndicatorMapper() {}

    static Indicator toApi(IndicatorEntity i) {
        return new Indicator()
                .id(i.id)
                .priorityCode(i.priorityCode)
                .code(i.code)
                .name(new LocalizedText().en(i.nameEn).fr(i.nameFr))
                .unit(i.unit)
                .baseline(plain(i.baseline))
                .target(plain(i.target))
                .direction(direction(i.direction))
                .dataSource(i.dataSource)
                .createdAt(i.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .updatedAt(i.updatedAt.withOffsetSameInstant(ZoneOffset.UTC));
    }

    static PriorityLookup.Indicator toLookup(IndicatorEntity i) {
        return new PriorityLookup.Indicator(
                i.id, i.priorityCode, i.code, i.unit, i.baseline, i.target, direction(i.direction));
    }

    /**
     * Writes what the input says into the indicator; the priority it belongs to does not change.
     */
    static void apply(IndicatorInput input, IndicatorEntity indicator) {
        indicator.code = input.getCode();
        indicator.nameEn = input.getName().getEn();
        indicator.nameFr = input.getName().getFr();
        indicator.unit = input.getUnit();
        indicator.baseline = input.getBaseline();
        indicator.target = input.getTarget();
        indicator.direction =
                StoredEnum.fromApi(IndicatorEntity.Direction.class, input.getDirection());
        indicator.dataSource = input.getDataSource();
    }

    private static IndicatorDirection direction(IndicatorEntity.Direction direction) {
        return IndicatorDirection.fromValue(direction.value());
    }

    /**
     * The same number reads the same whether it was just written (42) or read back from
     * numeric(14,4) (42.0000).
     */
    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
