package org.a4ptracker.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.a4ptracker.platform.persistence.Keyset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a list, or any table of records, as the caller's {@code Accept} asks: JSON, or CSV
 * ({@link Csv}, columns from the contract by {@link CsvColumns}). A list in CSV is not paged: it is
 * the whole filtered list (from {@code cursor} when one is given; {@code limit} does not apply),
 * read in keyset batches ({@code a4p.csv.batch-size} rows) while the answer is written, so memory
 * holds one batch whatever the length. Every row comes from the same API model as the JSON, through
 * the same service call, so scope and redaction are the same. The first batch is read before the
 * answer starts, so a bad cursor or an unavailable database still answers a problem; a failure
 * later cuts the answer short (the client sees an incomplete transfer, never a complete-looking
 * file).
 *
 * <p>A list adopts it by handing over its service call and its JSON page:
 *
 * <pre>
 * return lists.answer("listThings", limit, cursor, 2,
 *         keyset -&gt; service.list(filter, keyset),
 *         (items, next) -&gt; new ThingPage().items(items).nextCursor(next));
 * </pre>
 */
@ApplicationScoped
public class Lists {

    private final HttpHeaders headers;
    private final UriInfo uri;
    private final ObjectMapper json;
    private final int batch;

    Lists(
            HttpHeaders headers,
            UriInfo uri,
            ObjectMapper json,
            @ConfigProperty(name = "a4p.csv.batch-size", defaultValue = "2000") int batch) {
        this.headers = headers;
        this.uri = uri;
        this.json = json;
        this.batch = batch;
    }

    /** Whether this request asked for CSV. */
    public boolean csv() {
        return Csv.wanted(headers);
    }

    /**
     * A keyset-paged list: one page of {@code limit} as JSON, or every item as CSV.
     *
     * @param operationId the contract's operation, whose item schema gives the CSV columns
     * @param keyCount how many keys the list's cursor holds
     * @param pages the service call that reads one page
     * @param page the JSON page of some items and the next cursor
     */
    public <T> Response answer(
            String operationId,
            Integer limit,
            String cursor,
            int keyCount,
            Function<Keyset, Keyset.Page<T>> pages,
            BiFunction<List<T>, String, ?> page) {
        if (!csv()) {
            Keyset.Page<T> one = pages.apply(Keyset.of(limit, cursor, keyCount));
            return Response.ok(page.apply(one.items(), one.nextCursor()))
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .build();
        }
        return allAsCsv(
                operationId,
                cursor,
                (from, size) -> pages.apply(Keyset.batch(size, from, keyCount)));
    }

    /**
     * Every item of a list from {@code cursor} (or its start) as CSV, read {@code
     * a4p.csv.batch-size} at a time: {@code batches} answers the items after a cursor, and the
     * cursor after them (null after the last).
     */
    public <T> Response allAsCsv(
            String operationId,
            String cursor,
            BiFunction<String, Integer, Keyset.Page<T>> batches) {
        CsvColumns columns = CsvColumns.ofList(operationId);
        Keyset.Page<T> first = batches.apply(cursor, batch);
        return Csv.answer(
                Csv.nameOf(uri.getPath()),
                columns.names(),
                csv -> {
                    Keyset.Page<T> rows = first;
                    while (true) {
                        for (T item : rows.items()) {
                            csv.row(columns.cells(json.valueToTree(item)));
                        }
                        if (rows.nextCursor() == null) {
                            return;
                        }
                        rows = batches.apply(rows.nextCursor(), batch);
                    }
                });
    }

    /** The CSV of a list that is not paged: its {@code items}, with the columns of its items. */
    public Response itemsAsCsv(String operationId, List<?> items) {
        return Csv.ok(Csv.nameOf(uri.getPath()))
                .entity(rows(CsvColumns.ofList(operationId), items))
                .build();
    }

    /**
     * A table already in memory (statistics, a few hundred groups, say): {@code body} as JSON, or
     * its {@code rows} as CSV.
     */
    public Response table(Object body, CsvColumns columns, List<?> rows) {
        if (!csv()) {
            return Response.ok(body).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        return Csv.ok(Csv.nameOf(uri.getPath())).entity(rows(columns, rows)).build();
    }

    /**
     * Content anyone may cache: {@code body} as JSON, or its {@code rows} as CSV, each with an ETag
     * of its own content and {@code cacheControl}; 304 without a body when {@code ifNoneMatch}
     * names the current ETag.
     */
    public Response cacheable(
            Object body,
            CsvColumns columns,
            List<?> rows,
            String ifNoneMatch,
            String cacheControl) {
        Response answer =
                csv()
                        ? ETags.respondFresh(
                                Csv.ok(Csv.nameOf(uri.getPath())),
                                rows(columns, rows),
                                ETags.ofContent(json, List.of(Csv.MEDIA_TYPE, body)),
                                ifNoneMatch,
                                cacheControl)
                        : ETags.respondFresh(
                                Response.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT),
                                body,
                                ETags.ofContent(json, body),
                                ifNoneMatch,
                                cacheControl);
        // A cache keys what it keeps by Accept too, a 304 included (RFC 9110 §15.4.5).
        return answer.getStatus() == Response.Status.NOT_MODIFIED.getStatusCode()
                ? Response.fromResponse(answer).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build()
                : answer;
    }

    private StreamingOutput rows(CsvColumns columns, List<?> rows) {
        return Csv.body(
                columns.names(),
                csv -> {
                    for (Object row : rows) {
                        csv.row(columns.cells(json.valueToTree(row)));
                    }
                });
    }
}
