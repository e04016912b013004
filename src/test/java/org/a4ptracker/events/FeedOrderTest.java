package org.a4ptracker.events;

import static org.a4ptracker.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.a4ptracker.support.Fixtures;
import org.a4ptracker.support.Webhooks;
import org.junit.jupiter.api.Test;

/**
 * The feed is ordered by transaction id as a number. Read as text, 999 would sort after 1000: a
 * reader would be handed the later transaction's event first and its cursor would then pass over
 * the earlier one.
 */
@QuarkusTest
class FeedOrderTest {

    @Inject AgroalDataSource database;

    @Test
    void eventsKeepTheirOrderWhenTransactionIdsGainADigit() throws Exception {
        String mission = Fixtures.createMission("2020-01-01");
        String start = read(null, mission).getString("next_cursor");
        while (true) {
            JsonPath page = read(start, mission);
            if (page.getList("items").isEmpty()) {
                break;
            }
            start = page.getString("next_cursor");
        }
        String before = Webhooks.emit(mission);
        spendTransactionIdsUpToTheNextPowerOfTen();
        String after = Webhooks.emit(mission);

        List<String> read = new ArrayList<>();
        String cursor = start;
        for (int page = 0; page < 3; page++) {
            JsonPath one = read(cursor, mission);
            read.addAll(one.getList("items.data.case_id"));
            cursor = one.getString("next_cursor");
        }
        assertEquals(List.of(before, after), read);
    }

    private static JsonPath read(String after, String mission) {
        return as("reader")
                .get(
                        "/events?limit=1&missions="
                                + mission
                                + (after == null ? "" : "&after=" + after))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Commits empty transactions until the next transaction id has one digit more. */
    private void spendTransactionIdsUpToTheNextPowerOfTen() throws Exception {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            BigInteger current;
            try (ResultSet row = statement.executeQuery("SELECT pg_current_xact_id()::text")) {
                row.next();
                current = new BigInteger(row.getString(1));
            }
            BigInteger target = BigInteger.TEN.pow(current.toString().length());
            statement.execute("SET synchronous_commit = off");
            statement.execute(
                    "DO $$ BEGIN WHILE pg_current_xact_id() < '"
                            + target
                            + "'::xid8 LOOP COMMIT; END LOOP; END $$");
            statement.execute("RESET synchronous_commit");
        }
    }
}
