package org.a4ptracker.platform.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The columns of a CSV answer, read from the contract's schema of one record, so that the CSV shows
 * exactly what the JSON shows (the same API models, hence the same scope and redaction) and cannot
 * drift from the contract. The columns are the schema's properties in order; a nested object with
 * properties of its own becomes one column per member, named {@code parent.member}; the variants of
 * a {@code oneOf} share one set of columns (the first variant's, then what the others add). An
 * array, or an object without fixed properties (a map), is one column holding its JSON text. A
 * member a record lacks is an empty cell.
 */
public final class CsvColumns {

    private static final Map<String, CsvColumns> BY_OPERATION = new ConcurrentHashMap<>();

    private final Map<String, JsonPointer> columns;

    private CsvColumns(Map<String, JsonPointer> columns) {
        this.columns = columns;
    }

    /**
     * The columns of the items of a list operation: its 200 {@code application/json} answer's
     * {@code items}.
     */
    public static CsvColumns ofList(String operationId) {
        return BY_OPERATION.computeIfAbsent(
                operationId,
                id -> {
                    JsonNode answer =
                            Contract.flatten(
                                    operation(id)
                                            .path("responses")
                                            .path("200")
                                            .path("content")
                                            .path("application/json")
                                            .path("schema"));
                    JsonNode items = answer.path("properties").path("items").path("items");
                    if (items.isMissingNode()) {
                        throw new IllegalArgumentException(id + " answers no list of items");
                    }
                    return of(items);
                });
    }

    /** The columns of the contract's component schema {@code name}. */
    public static CsvColumns ofSchema(String name) {
        return of(Contract.TREE.path("components").path("schemas").path(name));
    }

    private static CsvColumns of(JsonNode schema) {
        Map<String, JsonPointer> columns = new LinkedHashMap<>();
        add(columns, "", JsonPointer.empty(), schema);
        return new CsvColumns(columns);
    }

    /** These columns without those named. */
    public CsvColumns without(Collection<String> names) {
        Map<String, JsonPointer> kept = new LinkedHashMap<>(columns);
        kept.keySet().removeAll(names);
        return new CsvColumns(kept);
    }

    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    /** The cells of one record, given as the JSON tree of its API model. */
    public List<String> cells(JsonNode record) {
        List<String> cells = new ArrayList<>(columns.size());
        for (JsonPointer pointer : columns.values()) {
            JsonNode value = record.at(pointer);
            if (value.isMissingNode() || value.isNull()) {
                cells.add("");
            } else if (value.isTextual()) {
                cells.add(Csv.text(value.textValue()));
            } else if (value.isContainerNode()) {
                cells.add(Csv.text(value.toString()));
            } else if (value.isBigDecimal()) {
                // As the JSON writes it (WRITE_BIGDECIMAL_AS_PLAIN): 100, never 1E+2.
                cells.add(Csv.literal(value.decimalValue().toPlainString()));
            } else {
                cells.add(Csv.literal(value.asText()));
            }
        }
        return cells;
    }

    private static void add(
            Map<String, JsonPointer> columns, String prefix, JsonPointer at, JsonNode schema) {
        for (Map.Entry<String, JsonNode> property : properties(schema).entrySet()) {
            String name = prefix + property.getKey();
            JsonPointer pointer = at.appendProperty(property.getKey());
            JsonNode member = Contract.flatten(property.getValue());
            if (properties(member).isEmpty()) {
                columns.putIfAbsent(name, pointer);
            } else {
                add(columns, name + ".", pointer, member);
            }
        }
    }

    /** The properties of an object schema, those of its {@code oneOf} variants included. */
    private static Map<String, JsonNode> properties(JsonNode schema) {
        JsonNode flat = Contract.flatten(schema);
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (JsonNode variant : flat.path("oneOf")) {
            properties(variant).forEach(properties::putIfAbsent);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = flat.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            properties.putIfAbsent(property.getKey(), property.getValue());
        }
        return properties;
    }

    private static JsonNode operation(String operationId) {
        for (JsonNode path : Contract.TREE.path("paths")) {
            for (JsonNode operation : path) {
                if (operationId.equals(operation.path("operationId").asText(null))) {
                    return operation;
                }
            }
        }
        throw new IllegalArgumentException("No operation " + operationId + " in the contract");
    }
}
