package org.a4ptracker.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Reading a list page by page, by following next_cursor. */
public final class Paging {

    private Paging() {}

    /** Every item of the list at {@code path}, read {@code limit} at a time. */
    public static List<Map<String, Object>> all(
            Supplier<RequestSpecification> caller, String path, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = caller.get().queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(path);
            page.then().statusCode(200);
            List<Map<String, Object>> found = page.path("items");
            cursor = page.path("next_cursor");
            assertTrue(found.size() <= limit, "a page holds at most its limit");
            assertTrue(cursor == null || found.size() == limit, "only the last page is short");
            items.addAll(found);
            assertTrue(items.size() <= 1_000, "the pages never end");
        } while (cursor != null);
        return items;
    }

    /**
     * Reads the list with every limit from 1 to one more than its length: each gives every item
     * once, in the order of the list read in one page, which it returns.
     */
    public static List<Map<String, Object>> sameAtEveryLimit(
            Supplier<RequestSpecification> caller, String path) {
        List<Map<String, Object>> whole = all(caller, path, 200);
        for (int limit = 1; limit <= whole.size() + 1; limit++) {
            assertEquals(
                    ids(whole),
                    ids(all(caller, path, limit)),
                    path + " read " + limit + " at a time");
        }
        return whole;
    }

    public static List<Object> ids(List<Map<String, Object>> items) {
        return items.stream().map(i -> i.get("id")).toList();
    }
}
