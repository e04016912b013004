package org.a4ptracker.priority;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.a4ptracker.api.PrioritiesApi;
import org.a4ptracker.api.model.PriorityList;
import org.a4ptracker.platform.http.Csv;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.Languages;
import org.a4ptracker.platform.http.Lists;
import org.a4ptracker.platform.http.MemoryAnswers;
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
        return lists.csv()
                ? listed(lists.itemsAsCsv("listPriorities", priorities.body().getItems()), language)
                : listed(respond(priorities, language, ifNoneMatch), language);
    }

    @Override
    public Response getPriority(String code, String acceptLanguage, String ifNoneMatch) {
        String language = Languages.pick(acceptLanguage);
        return respond(service.get(code, language), language, ifNoneMatch);
    }

    /** {@link #listPriorities} as JSON from memory, on the I/O thread. */
    @Singleton
    static class ListFromMemory extends MemoryAnswers.MemoryAnswer {
        ListFromMemory(PriorityService service) {
            super(
                    "listPriorities",
                    request -> {
                        String language = language(request);
                        return Csv.wanted(request.getAcceptableMediaTypes())
                                ? Optional.empty()
                                : service.heldList(language)
                                        .map(
                                                list ->
                                                        listed(
                                                                respond(list, language, request),
                                                                language));
                    });
        }
    }

    /** {@link #getPriority} from memory, on the I/O thread. */
    @Singleton
    static class OneFromMemory extends MemoryAnswers.MemoryAnswer {
        OneFromMemory(PriorityService service) {
            super(
                    "getPriority",
                    request -> {
                        String language = language(request);
                        return service.held(MemoryAnswers.pathParameter(request, "code"), language)
                                .map(priority -> respond(priority, language, request));
                    });
        }
    }

    private static String language(ContainerRequestContext request) {
        return Languages.pick(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static Response respond(
            PriorityService.Tagged<?> answer, String language, ContainerRequestContext request) {
        return respond(answer, language, request.getHeaderString(HttpHeaders.IF_NONE_MATCH));
    }

    /** A list answer varies with Accept too (JSON or CSV); its language is named once. */
    private static Response listed(Response answer, String language) {
        Response.ResponseBuilder listed =
                Response.fromResponse(answer).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        return (answer.getHeaderString(HttpHeaders.CONTENT_LANGUAGE) == null
                        ? listed.header(HttpHeaders.CONTENT_LANGUAGE, language)
                        : listed)
                .build();
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
