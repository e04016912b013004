package org.a4ptracker.priority;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.a4ptracker.api.PrioritiesApi;
import org.a4ptracker.api.model.PriorityList;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.Languages;
import org.a4ptracker.platform.http.Lists;
import org.a4ptracker.platform.security.Roles;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class PriorityResource implements PrioritiesApi {

    private final PriorityService service;
    private final Lists lists;

    PriorityResource(PriorityService service, Lists lists) {
        this.service = service;
        this.lists = lists;
    }

    @Override
    public Response listPriorities(String acceptLanguage, String ifNoneMatch) {
        String language = Languages.pick(acceptLanguage);
        PriorityService.Tagged<PriorityList> priorities = service.list(language);
        Response answer =
                lists.csv()
                        ? lists.itemsAsCsv("listPriorities", priorities.body().getItems())
                        : respond(priorities, language, ifNoneMatch);
        return Response.fromResponse(answer)
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }

    @Override
    public Response getPriority(String code, String acceptLanguage, String ifNoneMatch) {
        String language = Languages.pick(acceptLanguage);
        return respond(service.get(code, language), language, ifNoneMatch);
    }

    private static Response respond(
            PriorityService.Tagged<?> answer, String language, String ifNoneMatch) {
        return ETags.respondFresh(
                Response.ok().header(HttpHeaders.CONTENT_LANGUAGE, language),
                answer.body(),
                answer.etag(),
                ifNoneMatch);
    }
}
