package org.a4ptracker.platform.http;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import org.a4ptracker.platform.persistence.Causes;
import org.jboss.logging.Logger;

/**
 * Recognises, anywhere in a cause chain, a failure that says "the database cannot answer now"
 * rather than "this request is wrong" or "the code is wrong": the database refused, dropped or did
 * not answer a connection, is starting up or shutting down, has no connection slot left, a
 * statement ran past its time limit, the pool could not hand out a connection in time, or the
 * transaction was rolled back by its timeout. Such failures answer 503 with {@code Retry-After}:
 * nothing the client sent was at fault and a retry can succeed.
 */
public final class DatabaseUnavailable {

    /**
     * Seconds a client should wait before retrying; readiness usually recovers within this time.
     */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);

    /**
     * SQLSTATEs beyond class 08 (connection exception): admin/crash shutdown, cannot connect now
     * (starting up), too many connections, and a statement cancelled by statement_timeout.
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "57014");

    private DatabaseUnavailable() {}

    /** Whether {@code e}, or any of its causes, is a database-unavailable failure. */
    public static boolean in(Throwable e) {
        return Causes.of(e).stream().anyMatch(DatabaseUnavailable::is);
    }

    private static boolean is(Throwable cause) {
        if (cause instanceof java.sql.SQLTransientConnectionException
                || cause instanceof java.sql.SQLNonTransientConnectionException
                || cause instanceof java.sql.SQLTimeoutException
                || cause instanceof org.hibernate.exception.JDBCConnectionException
                || cause instanceof org.hibernate.QueryTimeoutException
                || cause instanceof jakarta.persistence.QueryTimeoutException
                || cause instanceof jakarta.transaction.RollbackException
                || cause instanceof java.net.ConnectException
                || cause instanceof java.net.SocketTimeoutException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            StackTraceElement[] trace = sql.getStackTrace();
            if (trace.length > 0 && opening(trace[0])) {
                return true;
            }
            String state = sql.getSQLState();
            if (state != null) {
                return state.startsWith("08") || STATES.contains(state);
            }
            // Agroal states pool exhaustion and acquisition timeouts without a SQLSTATE ("Sorry,
            // acquisition timeout!", "Acquisition timeout while waiting for new connection", "This
            // pool is closed..."): any SQLException raised by the pool itself is about
            // availability.
            return trace.length > 0 && trace[0].getClassName().startsWith("io.agroal.");
        }
        return false;
    }

    /**
     * A failure of the driver while opening a connection, whatever its SQLSTATE: pgjdbc answers a
     * connection attempt cut short (the pool gave up waiting for it and interrupted its thread,
     * which then fails the pool's next attempt too) with "Something unusual has occurred" and
     * SQLSTATE 99999 (the driver's "unexpected error"), which elsewhere is no availability matter.
     */
    private static boolean opening(StackTraceElement frame) {
        return frame.getClassName().equals("org.postgresql.Driver")
                && frame.getMethodName().equals("connect");
    }

    /** The SQLSTATE of the first SQL failure in the chain, for the log; {@code null} if none. */
    static String sqlState(Throwable e) {
        return Causes.of(e).stream()
                .filter(SQLException.class::isInstance)
                .map(c -> ((SQLException) c).getSQLState())
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /**
     * The answer to a failure, if it is one of these: 503 problem+json with {@code Retry-After};
     * otherwise {@code null}. Logs a warning without SQL, values or stack trace. A lost connection
     * usually means the others are lost too: the pool's idle connections are dropped (in the
     * background) so that the first requests after the database comes back do not pick them.
     */
    static ProblemException answer(Throwable e, String path) {
        if (!in(e)) {
            return null;
        }
        String state = sqlState(e);
        LOG.warnf(
                "Database unavailable on %s (SQLSTATE %s, %s): answered 503",
                path, state, e.getClass().getSimpleName());
        if (state == null || state.startsWith("08") || state.startsWith("57P")) {
            dropIdleConnections();
        }
        return problem();
    }

    public static void dropIdleConnections() {
        try {
            var dataSource = Arc.container().instance(AgroalDataSource.class);
            if (dataSource.isAvailable()) {
                dataSource.get().flush(AgroalDataSource.FlushMode.IDLE);
            }
        } catch (RuntimeException ignored) {
            // the pool is closing: nothing to drop
        }
    }

    /** The answer: 503 problem+json with {@code Retry-After}. */
    public static ProblemException problem() {
        return ProblemException.serviceUnavailable(
                "The database is not available right now; retry after the number of seconds in Retry-After.",
                Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
}
