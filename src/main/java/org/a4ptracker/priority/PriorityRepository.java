package org.a4ptracker.priority;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
class PriorityRepository implements PanacheRepositoryBase<PriorityEntity, String> {

    List<PriorityEntity> inOrder() {
        return listAll(Sort.by("position"));
    }
}
