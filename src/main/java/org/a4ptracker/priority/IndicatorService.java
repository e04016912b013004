package org.a4ptracker.priority;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.a4ptracker.api.model.IndicatorInput;
import org.a4ptracker.common.ETags;
import org.a4ptracker.common.Keyset;
import org.a4ptracker.common.ProblemException;

@ApplicationScoped
public class IndicatorService {

    private final PriorityRepository priorities;
    private final IndicatorRepository indicators;

    IndicatorService(PriorityRepository priorities, IndicatorRepository indicators) {
        this.priorities = priorities;
        this.indicators = indicators;
    }

    @Transactional
    public Keyset.Page<IndicatorEntity> list(String priorityCode, Keyset keyset) {
        priorities.require(priorityCode);
        return indicators.page(priorityCode, keyset);
    }

    @Transactional
    public IndicatorEntity get(String priorityCode, UUID id) {
        return require(priorityCode, id);
    }

    @Transactional
    public IndicatorEntity create(String priorityCode, IndicatorInput input) {
        priorities.require(priorityCode);
        IndicatorEntity indicator = new IndicatorEntity();
        indicator.priorityCode = priorityCode;
        apply(indicator, input);
        indicators.persistAndFlush(indicator);
        return indicator;
    }

    @Transactional
    public IndicatorEntity replace(String priorityCode, UUID id, String ifMatch, IndicatorInput input) {
        IndicatorEntity indicator = require(priorityCode, id);
        ETags.requireMatch(ifMatch, indicator.version);
        apply(indicator, input);
        indicators.flush();
        return indicator;
    }

    @Transactional
    public void delete(String priorityCode, UUID id, String ifMatch) {
        IndicatorEntity indicator = require(priorityCode, id);
        ETags.requireMatch(ifMatch, indicator.version);
        indicators.delete(indicator);
    }

    private IndicatorEntity require(String priorityCode, UUID id) {
        priorities.require(priorityCode);
        return indicators.find(priorityCode, id)
                .orElseThrow(() -> ProblemException.notFound("No indicator " + id + " in priority " + priorityCode + "."));
    }

    private void apply(IndicatorEntity indicator, IndicatorInput input) {
        if (indicators.codeTaken(indicator.priorityCode, input.getCode(), indicator.id)) {
            throw ProblemException.conflict("Priority " + indicator.priorityCode
                    + " already has an indicator with code " + input.getCode() + ".");
        }
        indicator.code = input.getCode();
        indicator.nameEn = input.getName().getEn();
        indicator.nameFr = input.getName().getFr();
        indicator.unit = input.getUnit();
        indicator.baseline = input.getBaseline();
        indicator.target = input.getTarget();
        indicator.direction = input.getDirection().toString();
        indicator.dataSource = input.getDataSource();
    }
}
