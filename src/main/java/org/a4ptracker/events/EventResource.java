package org.a4ptracker.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.a4ptracker.api.ChangeFeedApi;
import org.a4ptracker.api.model.EventType;
import org.a4ptracker.platform.http.Lists;
import org.a4ptracker.platform.security.Roles;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class EventResource implements ChangeFeedApi {

    private final EventService service;
    private final Lists lists;

    EventResource(EventService service, Lists lists) {
        this.service = service;
        this.lists = lists;
    }

    @Override
    public Response listEvents(
            String after,
            List<EventType> types,
            List<String> missions,
            Integer wait,
            Integer limit) {
        if (lists.csv()) {
            // The whole feed from `after`, as it stands: no waiting, no paging.
            return lists.allAsCsv(
                    "listEvents",
                    after,
                    (from, size) -> service.batch(from, types, missions, size));
        }
        return Response.ok(service.feed(after, types, missions, wait, limit))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }
}
