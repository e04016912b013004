package org.a4ptracker.platform.persistence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.a4ptracker.platform.http.ProblemException;

/**
 * Cursor pagination by keyset. A cursor is the sort key and id of the last item of a page, packed
 * into an opaque base64url token; the next page starts strictly after it.
 *
 * @param limit how many items a page holds
 * @param after the keys of the last item already returned, or {@code null} for the first page
 */
public record Keyset(int limit, List<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final char SEPARATOR = '\u001f';

    /** Reads {@code limit} and {@code cursor}; a cursor this service did not issue is a 400. */
    public static Keyset of(Integer limit, String cursor, int keyCount) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalidParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return at(size, cursor, keyCount);
    }

    /** A batch of an export: {@code size} rows from {@code cursor} (or the start). */
    public static Keyset batch(int size, String cursor, int keyCount) {
        return at(size, cursor, keyCount);
    }

    private static Keyset at(int size, String cursor, int keyCount) {
        if (cursor == null || cursor.isEmpty()) {
            return new Keyset(size, null);
        }
        try {
            return new Keyset(size, keys(cursor, keyCount));
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
    }

    /**
     * The keys packed in a cursor; an {@link IllegalArgumentException} if it holds no such keys.
     */
    public static List<String> keys(String cursor, int keyCount) {
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        List<String> keys = List.of(decoded.split(String.valueOf(SEPARATOR), -1));
        if (keys.size() != keyCount) {
            throw new IllegalArgumentException("wrong key count");
        }
        return keys;
    }

    /** Packs keys into an opaque cursor. */
    public static String cursor(List<String> keys) {
        String joined = String.join(String.valueOf(SEPARATOR), keys);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    public boolean firstPage() {
        return after == null;
    }

    public String after(int index) {
        return after.get(index);
    }

    public java.util.UUID afterId(int index) {
        try {
            return java.util.UUID.fromString(after.get(index));
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
    }

    public java.time.LocalDate afterDate(int index) {
        java.time.LocalDate date = StorableValues.parseDate(after.get(index));
        if (date == null) {
            throw invalidCursor();
        }
        return date;
    }

    public long afterLong(int index) {
        try {
            return Long.parseLong(after.get(index));
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
    }

    public java.time.OffsetDateTime afterInstant(int index) {
        try {
            return java.time.OffsetDateTime.parse(after.get(index));
        } catch (java.time.format.DateTimeParseException e) {
            throw invalidCursor();
        }
    }

    private static ProblemException invalidCursor() {
        return ProblemException.invalidParameter("cursor", "is not a cursor returned by this list");
    }

    /** Rows to fetch: one more than a page, to learn whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    /** Cuts the fetched rows to a page and makes the cursor of the next one, if any. */
    public <T> Page<T> page(List<T> fetched, Function<T, List<String>> keysOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = new ArrayList<>(fetched.subList(0, limit));
        return new Page<>(items, cursor(keysOf.apply(items.get(items.size() - 1))));
    }

    public record Page<T>(List<T> items, String nextCursor) {
        public <R> Page<R> map(Function<T, R> mapper) {
            return new Page<>(items.stream().map(mapper).toList(), nextCursor);
        }
    }
}
