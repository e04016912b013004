package org.a4ptracker.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.a4ptracker.api.ChangeFeedApi;
import org.a4ptracker.api.model.EventType;
import org.a4ptracker.platform.security.Roles;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class EventResource implements ChangeFeedApi {

    private final EventService service;

    EventResource(EventService service) {
        this.service = service;
    }

    @Override
    public Response listEvents(
            String after,
            List<EventType> types,
            List<String> missions,
            Integer wait,
            Integer limit) {
        return Response.ok(service.feed(after, types, missions, wait, limit)).build();
    }
}
