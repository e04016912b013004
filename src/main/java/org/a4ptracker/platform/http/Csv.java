package org.a4ptracker.platform.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV answers (RFC 4180): a header row, then one row per record, in UTF-8, lines ending in CRLF. A
 * cell holding a comma, a double quote, CR or LF is quoted, its double quotes doubled. A text cell
 * that a spreadsheet would run as a formula (it begins with {@code =}, {@code +}, {@code -}, an at
 * sign, a tab or CR) gets a leading apostrophe, which spreadsheets show as text; numbers are
 * written as numbers. The answer is written while the rows are produced ({@link Rows}), so a long
 * one never sits in memory.
 */
public final class Csv {

    /** The media type as the contract names it. */
    public static final String MEDIA_TYPE = "text/csv";

    private static final MediaType CSV = MediaType.valueOf(MEDIA_TYPE);
    private static final MediaType CSV_UTF8 = CSV.withCharset(StandardCharsets.UTF_8.name());

    private Csv() {}

    /** What writes the rows of one answer, after its header. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(Csv.Output csv) throws IOException;
    }

    /**
     * Whether the caller asked for CSV rather than JSON: the first type of {@code Accept}, in order
     * of preference, that either satisfies is one only CSV satisfies ({@code text/csv}, {@code
     * text/*}). Without {@code Accept}, or with {@code *}{@code /*}, JSON.
     */
    public static boolean wanted(HttpHeaders headers) {
        return wanted(headers.getAcceptableMediaTypes());
    }

    /** {@link #wanted(HttpHeaders)} from the media types a request accepts, best first. */
    public static boolean wanted(List<MediaType> acceptable) {
        for (MediaType accepted : acceptable) {
            if ("0".equals(accepted.getParameters().get("q"))) {
                continue;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(CSV)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A 200 CSV answer named {@code name}.csv (as an attachment): the header row, then what {@code
     * rows} writes while the answer is sent.
     */
    public static Response answer(String name, List<String> header, Rows rows) {
        return ok(name).entity(body(header, rows)).build();
    }

    /** The start of a 200 CSV answer named {@code name}.csv, without its body. */
    public static Response.ResponseBuilder ok(String name) {
        return Response.ok()
                .type(CSV_UTF8)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    /** The body of a CSV answer: the header row, then what {@code rows} writes. */
    public static StreamingOutput body(List<String> header, Rows rows) {
        return stream -> {
            Output csv = new Output(stream);
            csv.row(header.stream().map(Csv::text).toList());
            rows.writeTo(csv);
            csv.flush();
        };
    }

    /** A file name for the answer at {@code path}: its segments joined by dashes. */
    public static String nameOf(String path) {
        String name = path.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "export" : name;
    }

    /** A text cell as written: safe from formula injection, quoted where RFC 4180 needs it. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return quoted(runsAsFormula(value.charAt(0)) ? "'" + value : value);
    }

    /** A number or boolean cell as written. */
    public static String literal(String value) {
        return value == null ? "" : quoted(value);
    }

    private static boolean runsAsFormula(char first) {
        return first == '='
                || first == '+'
                || first == '-'
                || first == '@'
                || first == '\t'
                || first == '\r';
    }

    private static String quoted(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }

    /** Rows of cells already written by {@link #text} or {@link #literal}. */
    public static final class Output {

        private final Writer out;
        private final StringBuilder pending = new StringBuilder(1 << 14);

        Output(OutputStream stream) {
            this.out =
                    new OutputStreamWriter(
                            new BufferedOutputStream(stream, 1 << 16), StandardCharsets.UTF_8);
        }

        /** One row of cells already made safe by {@link #text} or {@link #literal}. */
        public void row(List<String> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    pending.append(',');
                }
                pending.append(cells.get(i));
            }
            pending.append("\r\n");
            if (pending.length() >= 1 << 13) {
                out.append(pending);
                pending.setLength(0);
            }
        }

        void flush() throws IOException {
            out.append(pending);
            pending.setLength(0);
            out.flush();
        }
    }
}
