package org.a4ptracker.mission;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import org.a4ptracker.api.ProgressApi;
import org.a4ptracker.platform.security.Roles;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class ProgressResource implements ProgressApi {

    private final ProgressService service;

    ProgressResource(ProgressService service) {
        this.service = service;
    }

    @Override
    public Response getMissionProgress(String acronym) {
        return Response.ok(service.ofMission(acronym)).build();
    }

    @Override
    public Response getPriorityProgress(String code, String period) {
        return Response.ok(service.ofPriority(code, period)).build();
    }
}
