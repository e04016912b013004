package org.a4ptracker.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Which failures are "the database cannot answer now" (503), wherever they sit in the cause chain.
 */
class DatabaseUnavailableTest {

    private static SQLException state(String sqlState) {
        return new SQLException("failure", sqlState);
    }

    @Test
    void connectionFailuresShutdownsFullSlotsAndStatementTimeoutsAreUnavailable() {
        for (String s :
                new String[] {
                    "08000", "08001", "08003", "08006", "57P01", "57P02", "57P03", "53300", "57014"
                }) {
            assertTrue(DatabaseUnavailable.in(state(s)), s);
            assertTrue(
                    DatabaseUnavailable.in(
                            new RuntimeException("wrapped", new IllegalStateException(state(s)))),
                    "wrapped " + s);
        }
        assertTrue(DatabaseUnavailable.in(new java.sql.SQLTransientConnectionException("pool")));
        assertTrue(
                DatabaseUnavailable.in(
                        new RuntimeException(
                                new java.net.SocketTimeoutException("read timed out"))));
        assertTrue(
                DatabaseUnavailable.in(new jakarta.persistence.QueryTimeoutException("timeout")));
    }

    @Test
    void aConnectionAttemptCutShortIsUnavailableWhateverItsSqlState() {
        // What pgjdbc throws when the pool interrupts the thread opening a connection (seen with
        // a frozen server): "Something unusual has occurred", SQLSTATE 99999, from Driver.connect.
        SQLException cut;
        Thread.currentThread().interrupt();
        try {
            java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:9/none?loginTimeout=5");
            throw new AssertionError("connected to nothing");
        } catch (SQLException e) {
            cut = e;
        } finally {
            Thread.interrupted();
        }
        assertEquals("99999", cut.getSQLState(), cut.toString());
        assertTrue(
                DatabaseUnavailable.in(
                        new RuntimeException("Unable to acquire JDBC Connection", cut)));
    }

    @Test
    void requestAndProgrammingErrorsAreNot() {
        for (String s : new String[] {"23505", "23503", "22001", "42P01", "40001", "XX000"}) {
            assertFalse(DatabaseUnavailable.in(state(s)), s);
        }
        assertFalse(DatabaseUnavailable.in(new SQLException("no state, not from the pool")));
        assertFalse(DatabaseUnavailable.in(new IllegalStateException("bug")));
        assertFalse(DatabaseUnavailable.in(null));
    }

    @Test
    void theAnswerIsA503ProblemWithRetryAfter() {
        ProblemException problem = DatabaseUnavailable.problem();
        assertEquals(503, problem.status());
        assertEquals("/problems/service-unavailable", problem.type());
        assertEquals("Service unavailable", problem.title());
        assertTrue(problem.headers().get("Retry-After").matches("[1-9][0-9]*"));
    }
}
