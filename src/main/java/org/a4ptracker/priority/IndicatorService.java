package org.a4ptracker.priority;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.a4ptracker.api.model.EventType;
import org.a4ptracker.api.model.Indicator;
import org.a4ptracker.api.model.IndicatorInput;
import org.a4ptracker.api.model.ProblemError;
import org.a4ptracker.events.ChangeEvents;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.http.Versioned;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.persistence.ReadCache;
import org.a4ptracker.platform.persistence.StorableValues;

@ApplicationScoped
@Transactional
class IndicatorService {

    private record Key(String priorityCode, UUID id) {}

    private final PriorityService priorities;
    private final IndicatorRepository indicators;
    private final List<IndicatorDependents> dependents;
    private final ReadCache cache;
    private final ChangeEvents events;
    private final ReadCache.Region<Key, Versioned<Indicator>> held;

    IndicatorService(
            PriorityService priorities,
            IndicatorRepository indicators,
            @All List<IndicatorDependents> dependents,
            ReadCache cache,
            ChangeEvents events) {
        this.events = events;
        this.priorities = priorities;
        this.indicators = indicators;
        this.dependents = dependents;
        this.cache = cache;
        this.held = cache.region(PriorityService.TOPIC);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Keyset.Page<Indicator> list(String priorityCode, Keyset keyset) {
        priorities.require(priorityCode);
        return indicators.page(priorityCode, keyset).map(IndicatorMapper::toApi);
    }

    /**
     * {@link #get} from memory only (callable on the I/O thread); empty when not held. An indicator
     * is held under its priority's code, so a wrong code finds nothing.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<Versioned<Indicator>> held(String priorityCode, UUID id) {
        return held.held(new Key(priorityCode, id));
    }

    /** From memory while no indicator changed (see {@link ReadCache}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    Versioned<Indicator> get(String priorityCode, UUID id) {
        priorities.require(priorityCode);
        Versioned<Indicator> found =
                held.get(
                        new Key(priorityCode, id),
                        key ->
                                indicators
                                        .find(key.priorityCode(), key.id())
                                        .map(i -> versioned(i))
                                        .orElse(null));
        if (found == null) {
            throw notFound(priorityCode, id);
        }
        return found;
    }

    /**
     * A code taken by a concurrent creation slips past the check; the unique constraint then
     * answers 409.
     */
    Versioned<Indicator> create(String priorityCode, IndicatorInput input) {
        priorities.require(priorityCode);
        IndicatorEntity indicator = new IndicatorEntity();
        indicator.priorityCode = priorityCode;
        apply(indicator, input);
        indicators.persistAndFlush(indicator);
        cache.changedOnCommit(PriorityService.TOPIC);
        return events.created(
                EventType.ORG_A4PTRACKER_INDICATOR_CREATED,
                subject(indicator),
                versioned(indicator));
    }

    Versioned<Indicator> replace(
            String priorityCode, UUID id, String ifMatch, IndicatorInput input) {
        IndicatorEntity indicator = require(priorityCode, id);
        ETags.requireMatch(ifMatch, indicator.version);
        JsonNode before = events.snapshot(IndicatorMapper.toApi(indicator));
        apply(indicator, input);
        indicators.flush();
        cache.changedOnCommit(PriorityService.TOPIC);
        return events.updated(
                EventType.ORG_A4PTRACKER_INDICATOR_UPDATED,
                subject(indicator),
                before,
                versioned(indicator));
    }

    void delete(String priorityCode, UUID id, String ifMatch) {
        IndicatorEntity indicator = require(priorityCode, id);
        ETags.requireMatch(ifMatch, indicator.version);
        List<String> blocking =
                dependents.stream().map(d -> d.describe(id)).flatMap(Optional::stream).toList();
        if (!blocking.isEmpty()) {
            throw ProblemException.conflict(
                    "Indicator "
                            + indicator.code
                            + " has "
                            + String.join(", ", blocking)
                            + "; it cannot be deleted.");
        }
        indicators.delete(indicator);
        indicators.flush();
        cache.changedOnCommit(PriorityService.TOPIC);
        events.deleted(EventType.ORG_A4PTRACKER_INDICATOR_DELETED, subject(indicator));
    }

    private static ChangeEvents.Subject subject(IndicatorEntity indicator) {
        return new ChangeEvents.Subject(
                "/priorities/" + indicator.priorityCode + "/indicators/" + indicator.id,
                null,
                ChangeEvents.ids().priorityCode(indicator.priorityCode).indicatorId(indicator.id));
    }

    private IndicatorEntity require(String priorityCode, UUID id) {
        priorities.require(priorityCode);
        return indicators.find(priorityCode, id).orElseThrow(() -> notFound(priorityCode, id));
    }

    private static ProblemException notFound(String priorityCode, UUID id) {
        return ProblemException.notFound(
                "No indicator " + id + " in priority " + priorityCode + ".");
    }

    private void apply(IndicatorEntity indicator, IndicatorInput input) {
        if (indicators.codeTaken(indicator.priorityCode, input.getCode(), indicator.id)) {
            throw ProblemException.conflict(
                    "Priority "
                            + indicator.priorityCode
                            + " already has an indicator with code "
                            + input.getCode()
                            + ".");
        }
        List<ProblemError> errors = new ArrayList<>();
        StorableValues.checkMeasure("/baseline", input.getBaseline(), errors);
        StorableValues.checkMeasure("/target", input.getTarget(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        IndicatorMapper.apply(input, indicator);
    }

    private static Versioned<Indicator> versioned(IndicatorEntity indicator) {
        return new Versioned<>(IndicatorMapper.toApi(indicator), indicator.version);
    }
}
