package org.a4ptracker.priority;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.a4ptracker.api.model.Priority;
import org.a4ptracker.api.model.PriorityList;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.persistence.ReadCache;

/**
 * The priorities, served from memory: they change only with a migration (and the cache hears of it,
 * see {@link ReadCache}).
 */
@ApplicationScoped
@Transactional
class PriorityService implements PriorityLookup {

    /** The topic the V13 triggers announce for the priority and indicator tables. */
    static final String TOPIC = "priorities";

    /** An answer and its ETag, a digest of its JSON. */
    record Tagged<T>(T body, String etag) {}

    /** Every priority in one language, as a list and by code. */
    record Catalog(Tagged<PriorityList> list, Map<String, Tagged<Priority>> byCode) {}

    private final PriorityRepository priorities;
    private final IndicatorRepository indicators;
    private final ObjectMapper json;
    private final ReadCache.Region<String, Catalog> catalogs;

    PriorityService(
            PriorityRepository priorities,
            IndicatorRepository indicators,
            ObjectMapper json,
            ReadCache cache) {
        this.priorities = priorities;
        this.indicators = indicators;
        this.json = json;
        this.catalogs = cache.region(TOPIC);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Tagged<PriorityList> list(String language) {
        return catalog(language).list();
    }

    /** {@link #list} from memory only (callable on the I/O thread); empty when not held. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<Tagged<PriorityList>> heldList(String language) {
        return catalogs.held(language).map(Catalog::list);
    }

    /** {@link #get} from memory only; empty when not held or when there is no such priority. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<Tagged<Priority>> held(String code, String language) {
        return catalogs.held(language).map(catalog -> catalog.byCode().get(code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Tagged<Priority> get(String code, String language) {
        Tagged<Priority> found = catalog(language).byCode().get(code);
        if (found == null) {
            throw ProblemException.notFound("No priority " + code + ".");
        }
        return found;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String code) {
        return catalog(null).byCode().containsKey(code);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public void require(String code) {
        get(code, null);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> codesInOrder() {
        return List.copyOf(catalog(null).byCode().keySet());
    }

    @Override
    public Map<UUID, Indicator> indicators(Collection<UUID> ids) {
        Map<UUID, Indicator> found = new LinkedHashMap<>();
        indicators.byId(ids).forEach(i -> found.put(i.id, IndicatorMapper.toLookup(i)));
        return found;
    }

    private Catalog catalog(String language) {
        return catalogs.get(language == null ? "en" : language, this::load);
    }

    private Catalog load(String language) {
        List<Priority> all =
                priorities.inOrder().stream().map(p -> PriorityMapper.toApi(p, language)).toList();
        PriorityList list = new PriorityList().items(all);
        Map<String, Tagged<Priority>> byCode =
                all.stream()
                        .collect(
                                Collectors.toMap(
                                        Priority::getCode,
                                        p -> tagged(p),
                                        (a, b) -> a,
                                        LinkedHashMap::new));
        return new Catalog(tagged(list), byCode);
    }

    private <T> Tagged<T> tagged(T body) {
        return new Tagged<>(body, ETags.ofContent(json, body));
    }
}
