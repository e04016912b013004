package org.a4ptracker.priority;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.a4ptracker.api.model.Priority;
import org.a4ptracker.platform.http.ProblemException;

@ApplicationScoped
@Transactional
class PriorityService implements PriorityLookup {

    private final PriorityRepository priorities;
    private final IndicatorRepository indicators;

    PriorityService(PriorityRepository priorities, IndicatorRepository indicators) {
        this.priorities = priorities;
        this.indicators = indicators;
    }

    List<Priority> list(String language) {
        return priorities.inOrder().stream().map(p -> PriorityMapper.toApi(p, language)).toList();
    }

    Priority get(String code, String language) {
        return PriorityMapper.toApi(find(code), language);
    }

    @Override
    public boolean exists(String code) {
        return priorities.count("code", code) > 0;
    }

    @Override
    public void require(String code) {
        find(code);
    }

    @Override
    public List<String> codesInOrder() {
        return priorities.inOrder().stream().map(p -> p.code).toList();
    }

    @Override
    public Map<UUID, Indicator> indicators(Collection<UUID> ids) {
        Map<UUID, Indicator> found = new LinkedHashMap<>();
        indicators.byId(ids).forEach(i -> found.put(i.id, IndicatorMapper.toLookup(i)));
        return found;
    }

    private PriorityEntity find(String code) {
        return priorities
                .findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("No priority " + code + "."));
    }
}
