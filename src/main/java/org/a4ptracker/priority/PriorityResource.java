package org.a4ptracker.priority;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.a4ptracker.api.PrioritiesApi;
import org.a4ptracker.api.model.Priority;
import org.a4ptracker.api.model.PriorityKind;
import org.a4ptracker.api.model.PriorityList;
import org.a4ptracker.platform.http.Languages;
import org.a4ptracker.platform.security.Roles;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class PriorityResource implements PrioritiesApi {

    private final PriorityRepository priorities;

    PriorityResource(PriorityRepository priorities) {
        this.priorities = priorities;
    }

    @Override
    @Transactional
    public Response listPriorities(String acceptLanguage) {
        String language = Languages.pick(acceptLanguage);
        PriorityList list = new PriorityList().items(
                priorities.inOrder().stream().map(p -> toApi(p, language)).toList());
        return Response.ok(list).header(HttpHeaders.CONTENT_LANGUAGE, language).build();
    }

    @Override
    @Transactional
    public Response getPriority(String code, String acceptLanguage) {
        String language = Languages.pick(acceptLanguage);
        return Response.ok(toApi(priorities.require(code), language))
                .header(HttpHeaders.CONTENT_LANGUAGE, language).build();
    }

    static Priority toApi(PriorityEntity p, String language) {
        return new Priority()
                .code(p.code)
                .kind(PriorityKind.fromValue(p.kind))
                .position(p.position)
                .title(Languages.choose(language, p.titleEn, p.titleFr))
                .description(Languages.choose(language, p.descriptionEn, p.descriptionFr));
    }
}
