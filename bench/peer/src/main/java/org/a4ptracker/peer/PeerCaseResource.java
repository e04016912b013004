package org.a4ptracker.peer;

import io.quarkus.panache.common.Sort;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The three calls of the peer, written the plain way: entities straight to JSON, no DTOs. */
@Path("/peer")
@Produces(MediaType.APPLICATION_JSON)
public class PeerCaseResource {

    private final Map<UUID, PeerCase> cache = new ConcurrentHashMap<>();

    @GET
    @Path("/cases/{id}")
    public PeerCase one(UUID id) {
        PeerCase found = PeerCase.findById(id);
        if (found == null) {
            throw new NotFoundException();
        }
        return found;
    }

    /** The same row, read from the database once and then served from memory. */
    @GET
    @Path("/cached/cases/{id}")
    public PeerCase cached(UUID id) {
        PeerCase found = cache.get(id);
        if (found == null) {
            found = one(id);
            cache.put(id, found);
        }
        return found;
    }

    @GET
    @Path("/cases")
    public List<PeerCase> newest(@QueryParam("limit") @DefaultValue("50") int limit) {
        return PeerCase.findAll(Sort.descending("reportedOn").and("id"))
                .page(0, Math.max(1, Math.min(limit, 200)))
                .list();
    }
}
