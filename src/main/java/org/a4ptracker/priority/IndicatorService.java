package org.a4ptracker.priority;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.a4ptracker.api.model.IndicatorInput;
import org.a4ptracker.api.model.ProblemError;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.persistence.StorableValues;

@ApplicationScoped
public class IndicatorService {

    /** numeric(14,4) in V2__priorities_and_indicators.sql. */

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
        try {
            indicators.persistAndFlush(indicator);
        } catch (jakarta.persistence.PersistenceException e) {
            // Two creations with one code raced past codeTaken(): the unique constraint decides.
            if (violates(e, "indicator_code_unique")) {
                throw duplicateCode(priorityCode, input.getCode());
            }
            throw e;
        }
        return indicator;
    }

    @Transactional
    public IndicatorEntity replace(String priorityCode, UUID id, String ifMatch, IndicatorInput input) {
        IndicatorEntity indicator = require(priorityCode, id);
        ETags.requireMatch(ifMatch, indicator.version);
        apply(indicator, input);
        try {
            indicators.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            if (violates(e, "indicator_code_unique")) {
                throw duplicateCode(priorityCode, input.getCode());
            }
            throw e;
        }
        return indicator;
    }

    @Transactional
    public void delete(String priorityCode, UUID id, String ifMatch) {
        IndicatorEntity indicator = require(priorityCode, id);
        ETags.requireMatch(ifMatch, indicator.version);
        long values = indicators.recordedValues(id);
        if (values > 0) {
            throw ProblemException.conflict("Indicator " + indicator.code + " has " + values
                    + " value(s) recorded in assessments; it cannot be deleted.");
        }
        indicators.delete(indicator);
        indicators.flush();
    }

    private static ProblemException duplicateCode(String priorityCode, String code) {
        return ProblemException.conflict("Priority " + priorityCode + " already has an indicator with code " + code + ".");
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c
                    && constraint.equals(c.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private IndicatorEntity require(String priorityCode, UUID id) {
        priorities.require(priorityCode);
        return indicators.find(priorityCode, id)
                .orElseThrow(() -> ProblemException.notFound("No indicator " + id + " in priority " + priorityCode + "."));
    }

    private void apply(IndicatorEntity indicator, IndicatorInput input) {
        if (indicators.codeTaken(indicator.priorityCode, input.getCode(), indicator.id)) {
            throw duplicateCode(indicator.priorityCode, input.getCode());
        }
        List<ProblemError> errors = new ArrayList<>();
        StorableValues.checkMeasure("/baseline", input.getBaseline(), errors);
        StorableValues.checkMeasure("/target", input.getTarget(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
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
