package org.a4ptracker.priority;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.a4ptracker.api.model.IndicatorDirection;

/**
 * What other features may know of the A4P+ priorities: the priority feature publishes it, they
 * never read its tables.
 */
public interface PriorityLookup {

    /** An indicator as other features see it; baseline and target as stored. */
    record Indicator(
            UUID id,
            String priorityCode,
            String code,
            String unit,
            BigDecimal baseline,
            BigDecimal target,
            IndicatorDirection direction) {}

    /** Whether a priority with this code exists. */
    boolean exists(String code);

    /** Nothing when the priority exists; a 404 problem otherwise. */
    void require(String code);

    /** The code of every priority and cross-cutting theme, in the order A4P+ lists them. */
    List<String> codesInOrder();

    /** Those of these indicators that exist, by id, in the order of their codes. */
    Map<UUID, Indicator> indicators(Collection<UUID> ids);
}
