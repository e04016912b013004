package org.a4ptracker.priority;

import org.a4ptracker.api.model.Priority;
import org.a4ptracker.api.model.PriorityKind;
import org.a4ptracker.platform.http.Languages;

/**
 * Between stored priorities and the API's model; priorities are reference data, so only outwards.
 */
final class PriorityMapper {

    private PriorityMapper() {}

    static Priority toApi(PriorityEntity p, String language) {
        return new Priority()
                .code(p.code)
                .kind(PriorityKind.fromValue(p.kind.value()))
                .position(p.position)
                .title(Languages.choose(language, p.titleEn, p.titleFr))
                .description(Languages.choose(language, p.descriptionEn, p.descriptionFr));
    }
}
