package org.a4ptracker.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * What the HTTP layer refuses: no such resource (404), a method it does not support (405, with
 * {@code Allow}), a media type it cannot answer or read (406, 415). A parameter that does not
 * convert and a body that is not JSON arrive here too, wrapped, and are answered as 400s.
 */
public class HttpProblems {

    @ServerExceptionMapper
    public Response webApplication(
            WebApplicationException e,
            UriInfo uri,
            HttpHeaders headers,
            SimpleResourceInfo resource) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return UnexpectedProblems.answer(e, uri);
        }
        // A body that Quarkus REST could not read as JSON arrives wrapped: answer it like the
        // errors Jackson reports unwrapped.
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return ProblemResponses.of(JsonProblems.asProblem(json), uri);
        }
        // JAX-RS answers a query or path parameter that does not convert (limit=abc) with a bare
        // 404 (or 400 for a header): it is a 400 that names the parameter.
        if ((status == 404 || status == 400)
                && resource != null
                && e.getCause() != null
                && !(e.getCause() instanceof WebApplicationException)) {
            ProblemException unconvertible =
                    ParameterProblems.unconvertible(resource, uri, headers);
            if (unconvertible != null) {
                return ProblemResponses.of(unconvertible, uri);
            }
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "Request failed" : known.getReasonPhrase();
        // Sentence case, so that one type always has one title (ProblemException says "Not found").
        String title = reason.charAt(0) + reason.substring(1).toLowerCase(Locale.ROOT);
        String detail =
                switch (status) {
                    case 404 -> "No resource at " + uri.getPath() + ".";
                    case 405 -> "This resource does not support that method.";
                    case 406 ->
                            "None of the media types in Accept is available here: ask for"
                                    + " application/json, or text/csv where the contract offers"
                                    + " it.";
                    case 415 -> "Send the body as application/json.";
                    default -> title + ".";
                };
        String type = "/problems/" + reason.toLowerCase(Locale.ROOT).replace(' ', '-');
        Response.ResponseBuilder response =
                ProblemResponses.respond(ProblemResponses.body(status, type, title, detail, uri));
        if (e instanceof NotAllowedException) {
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow == null || allow.isBlank()) {
                allow = AllowedMethods.forPath(uri.getPath());
            }
            if (allow != null) {
                response.header(HttpHeaders.ALLOW, allow);
            }
        }
        return response.build();
    }
}
