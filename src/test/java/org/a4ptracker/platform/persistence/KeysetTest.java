package org.a4ptracker.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.a4ptracker.api.model.ProblemError;
import org.a4ptracker.platform.http.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Keyset cursors: page size limits, cursors that round-trip, and cursors this service did not
 * issue. A plain unit test.
 */
class KeysetTest {

    private record Row(LocalDate date, UUID id, long number, OffsetDateTime at) {
        List<String> keys() {
            return List.of(date.toString(), id.toString(), String.valueOf(number), at.toString());
        }
    }

    private static Row row(int i) {
        return new Row(
                LocalDate.of(2024, 1, i),
                new UUID(0, i),
                1_000_000_000_000L + i,
                OffsetDateTime.of(2024, 1, i, 12, 30, 0, 0, ZoneOffset.ofHours(2)));
    }

    private static String cursorOf(String... keys) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join("\u001f", keys).getBytes(StandardCharsets.UTF_8));
    }

    /** The 400 that names the parameter, with its detail. */
    private static void assertRefused(String parameter, String detail, Executable call) {
        ProblemException problem = assertThrows(ProblemException.class, call);
        assertEquals(400, problem.status());
        assertEquals("/problems/validation-error", problem.type());
        ProblemError error = problem.errors().get(0);
        assertEquals(parameter, error.getParameter());
        assertEquals(detail, error.getDetail());
    }

    @Test
    void noLimitMeansTheDefaultAndNoCursorTheFirstPage() {
        Keyset keyset = Keyset.of(null, null, 2);
        assertEquals(Keyset.DEFAULT_LIMIT, keyset.limit());
        assertTrue(keyset.firstPage());
        assertEquals(Keyset.DEFAULT_LIMIT + 1, keyset.fetchSize());
        assertTrue(Keyset.of(10, "", 2).firstPage());
    }

    @Test
    void limitsFromOneToTheMaximumAreAccepted() {
        assertEquals(1, Keyset.of(1, null, 1).limit());
        assertEquals(Keyset.MAX_LIMIT, Keyset.of(Keyset.MAX_LIMIT, null, 1).limit());
    }

    @Test
    void limitsOutsideTheRangeAreA400NamingLimit() {
        for (int limit : new int[] {0, -1, Keyset.MAX_LIMIT + 1, Integer.MAX_VALUE}) {
            assertRefused(
                    "limit",
                    "must be between 1 and " + Keyset.MAX_LIMIT,
                    () -> Keyset.of(limit, null, 1));
        }
    }

    @Test
    void aPageIsCutToTheLimitAndItsCursorStartsAfterItsLastItem() {
        Keyset first = Keyset.of(2, null, 4);
        List<Row> fetched =
                List.of(row(1), row(2), row(3)); // fetchSize() rows: one more than a page
        Keyset.Page<Row> page = first.page(fetched, Row::keys);

        assertEquals(List.of(row(1), row(2)), page.items());
        assertTrue(
                page.nextCursor().matches("[A-Za-z0-9_-]+"),
                "an opaque, URL-safe token: " + page.nextCursor());

        Keyset next = Keyset.of(2, page.nextCursor(), 4);
        assertEquals(2, next.limit());
        assertFalse(next.firstPage());
        assertEquals(row(2).keys(), next.after());
        assertEquals(row(2).date(), next.afterDate(0));
        assertEquals(row(2).id(), next.afterId(1));
        assertEquals(row(2).number(), next.afterLong(2));
        assertEquals(row(2).at(), next.afterInstant(3));
        assertEquals("2024-01-02", next.after(0));
    }

    @Test
    void theLastPageHasNoCursor() {
        Keyset keyset = Keyset.of(2, null, 4);
        Keyset.Page<Row> full = keyset.page(List.of(row(1), row(2)), Row::keys);
        assertEquals(List.of(row(1), row(2)), full.items());
        assertNull(full.nextCursor());
        Keyset.Page<Row> empty = keyset.page(List.of(), Row::keys);
        assertEquals(List.of(), empty.items());
        assertNull(empty.nextCursor());
    }

    @Test
    void aPageMapsItsItemsAndKeepsItsCursor() {
        Keyset.Page<Row> page = Keyset.of(1, null, 4).page(List.of(row(1), row(2)), Row::keys);
        Keyset.Page<UUID> ids = page.map(Row::id);
        assertEquals(List.of(row(1).id()), ids.items());
        assertEquals(page.nextCursor(), ids.nextCursor());
    }

    @Test
    void aGarbledCursorIsA400NamingCursor() {
        String detail = "is not a cursor returned by this list";
        assertRefused("cursor", detail, () -> Keyset.of(10, "not*base64!", 2));
        assertRefused("cursor", detail, () -> Keyset.of(10, "%%%", 2));
    }

    @Test
    void aCursorOfAnotherListIsA400NamingCursor() {
        String detail = "is not a cursor returned by this list";
        // another list's cursor carries another number of keys
        assertRefused("cursor", detail, () -> Keyset.of(10, cursorOf("a", "b", "c"), 2));
        assertRefused("cursor", detail, () -> Keyset.of(10, cursorOf("only-one"), 2));
        // or keys of other types than this list sorts by
        Keyset foreign = Keyset.of(10, cursorOf("yesterday", "not-a-uuid", "1.5", "noon"), 4);
        assertRefused("cursor", detail, () -> foreign.afterDate(0));
        assertRefused("cursor", detail, () -> foreign.afterId(1));
        assertRefused("cursor", detail, () -> foreign.afterLong(2));
        assertRefused("cursor", detail, () -> foreign.afterInstant(3));
    }

    @Test
    void aCursorDateOutsideTheStorableRangeIsA400() {
        Keyset keyset = Keyset.of(10, cursorOf("+10000-01-01", new UUID(0, 1).toString()), 2);
        assertRefused("cursor", "is not a cursor returned by this list", () -> keyset.afterDate(0));
    }
}
