package org.a4ptracker.priority;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.a4ptracker.platform.http.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PriorityRepository implements PanacheRepositoryBase<PriorityEntity, String>, PriorityLookup {

    @Override
    public boolean exists(String code) {
        return count("code", code) > 0;
    }

    public List<PriorityEntity> inOrder() {
        return listAll(Sort.by("position"));
    }

    public PriorityEntity require(String code) {
        return findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("No priority " + code + "."));
    }
}
