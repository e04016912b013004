package org.a4ptracker.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Holds an ACCESS EXCLUSIVE lock on a table in a transaction of its own, so that every query
 * reading the table waits: an honest way to make a statement run past its timeout.
 */
public final class TableLock implements AutoCloseable {

    private final Connection connection;

    public TableLock(DataSource dataSource, String table) throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
