package org.a4ptracker.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CSV text strictly by RFC 4180, written here independently of the service's writer: every
 * line ends in CRLF, a quoted field may hold commas, CR, LF and doubled quotes, and a quote
 * anywhere else is an error.
 */
public final class CsvText {

    private CsvText() {}

    /** Every row, the header first. */
    public static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty()) {
                int end = i + 1;
                while (true) {
                    if (end >= text.length()) {
                        throw new AssertionError("unterminated quoted field at " + i);
                    }
                    if (text.charAt(end) == '"') {
                        if (end + 1 < text.length() && text.charAt(end + 1) == '"') {
                            field.append('"');
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    field.append(text.charAt(end++));
                }
                i = end + 1;
                if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    throw new AssertionError("text after a quoted field at " + i);
                }
                continue;
            }
            if (c == '"') {
                throw new AssertionError("a quote inside an unquoted field at " + i);
            }
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new AssertionError("CR without LF at " + i);
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else if (c == '\n') {
                throw new AssertionError("LF without CR at " + i);
            } else {
                field.append(c);
                i++;
            }
        }
        if (!row.isEmpty() || !field.isEmpty()) {
            throw new AssertionError("the last line does not end in CRLF");
        }
        int width = rows.isEmpty() ? 0 : rows.get(0).size();
        for (List<String> r : rows) {
            if (r.size() != width) {
                throw new AssertionError("a row of " + r.size() + " cells under " + width);
            }
        }
        return rows;
    }

    /** The header row. */
    public static List<String> header(String text) {
        return rows(text).get(0);
    }

    /** The rows after the header, each by column name. */
    public static List<Map<String, String>> records(String text) {
        List<List<String>> rows = rows(text);
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> record = new LinkedHashMap<>();
            for (int c = 0; c < row.size(); c++) {
                record.put(rows.get(0).get(c), row.get(c));
            }
            records.add(record);
        }
        return records;
    }
}
