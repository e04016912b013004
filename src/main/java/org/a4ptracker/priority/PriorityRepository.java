package org.a4ptracker.priority;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class PriorityRepository implements PanacheRepositoryBase<PriorityEntity, String> {

    List<PriorityEntity> inOrder() {
        return listAll(Sort.by("position"));
    }
}
