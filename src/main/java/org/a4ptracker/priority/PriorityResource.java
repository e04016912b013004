package org.a4ptracker.priority;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.a4ptracker.api.PrioritiesApi;
import org.a4ptracker.api.model.PriorityList;
import org.a4ptracker.platform.http.Languages;
import org.a4ptracker.platform.security.Roles;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class PriorityResource implements PrioritiesApi {

    private final PriorityService service;

    PriorityResource(PriorityService service) {
        this.service = service;
    }

    @Override
    public Response listPriorities(String acceptLanguage) {
        String language = Languages.pick(acceptLanguage);
        return Response.ok(new PriorityList().items(service.list(language)))
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .build();
    }

    @Override
    public Response getPriority(String code, String acceptLanguage) {
        String language = Languages.pick(acceptLanguage);
        return Response.ok(service.get(code, language))
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .build();
    }
}
