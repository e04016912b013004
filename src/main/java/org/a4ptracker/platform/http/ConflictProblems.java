package org.a4ptracker.platform.http;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import org.a4ptracker.platform.persistence.Causes;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Database refusals that a client's request caused are answered as such, not as server faults: a
 * write that lost a race (optimistic lock, or an integrity constraint, SQLSTATE class 23, that a
 * service's own check let through) is 412 or 409; a value the database cannot hold (SQLSTATE class
 * 22) is 400. Services validate first; this is the safety net.
 */
public class ConflictProblems {

    static final String CHANGED_MEANWHILE =
            "The resource changed while this request was processed: read it again and retry.";

    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e, UriInfo uri) {
        return ProblemResponses.of(ProblemException.preconditionFailed(CHANGED_MEANWHILE), uri);
    }

    /**
     * The client's view of {@code e} if it, or one of its causes, is such a refusal; {@code null}
     * otherwise.
     */
    static ProblemException of(Throwable e) {
        for (Throwable cause : Causes.of(e)) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return ProblemException.preconditionFailed(CHANGED_MEANWHILE);
            }
            String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && state.startsWith("22")) {
                return ProblemException.invalid("A value is outside what can be stored.", null);
            }
            if (state != null && state.startsWith("23")) {
                return switch (state) {
                    case "23505" ->
                            ProblemException.conflict(
                                    "The same record was written at the same time by another request; read it again and retry.");
                    case "23503" ->
                            ProblemException.conflict(
                                    "The record is still referenced by, or refers to, a record that does not allow this change.");
                    default ->
                            ProblemException.conflict(
                                    "The change breaks a rule of the stored data.");
                };
            }
        }
        return null;
    }
}
