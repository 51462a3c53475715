package dev.portico.cp.console;

import dev.portico.cp.error.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * One status/key/value row of an integration's response parameters form
 * ({@code responseParameters[i].status}, {@code .key}, {@code .value}), with what was typed and its
 * error. A row without a key is dropped; one empty row is always offered.
 */
public record ResponseMappingRow(int index, String status, String key, String value, String error) {

    static final String PREFIX = "responseParameters[";

    static String field(int index, String part) {
        return PREFIX + index + "]." + part;
    }

    static String rowField(int index) {
        return PREFIX + index + "]";
    }

    public String statusName() {
        return field(index, "status");
    }

    public String keyName() {
        return field(index, "key");
    }

    public String valueName() {
        return field(index, "value");
    }

    /** Copies the typed rows into {@code values}, each with the slot for its error. */
    static void copy(Map<String, String> typed, Map<String, String> values) {
        for (int i = 0; typed.containsKey(field(i, "key")); i++) {
            values.put(field(i, "status"), typed.getOrDefault(field(i, "status"), ""));
            values.put(field(i, "key"), typed.get(field(i, "key")));
            values.put(field(i, "value"), typed.getOrDefault(field(i, "value"), ""));
            values.put(rowField(i), "");
        }
    }

    /** The saved mappings as rows, by status then key. */
    static void fill(Map<String, Map<String, String>> parameters, Map<String, String> values) {
        int row = 0;
        for (Map.Entry<String, Map<String, String>> status : new TreeMap<>(parameters).entrySet()) {
            for (Map.Entry<String, String> mapping : new TreeMap<>(status.getValue()).entrySet()) {
                values.put(field(row, "status"), status.getKey());
                values.put(field(row, "key"), mapping.getKey());
                values.put(field(row, "value"), mapping.getValue());
                row++;
            }
        }
    }

    /** The typed rows, then an empty one. */
    static List<ResponseMappingRow> rows(Form form) {
        int rows = 0;
        while (form.values().containsKey(field(rows, "key"))) {
            rows++;
        }
        return IntStream.rangeClosed(0, rows).mapToObj(i -> new ResponseMappingRow(i, form.value(field(i, "status")),
                form.value(field(i, "key")), form.value(field(i, "value")), form.error(rowField(i)))).toList();
    }

    /** Rows with a key, grouped by status; a status/key typed twice is refused at the later row. */
    static Map<String, Map<String, String>> read(Form form, List<FieldError> errors) {
        Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
        for (int i = 0; form.values().containsKey(field(i, "key")); i++) {
            String status = form.value(field(i, "status")).strip();
            String key = form.value(field(i, "key")).strip();
            if (key.isEmpty()) {
                continue;
            }
            if (parameters.computeIfAbsent(status, s -> new LinkedHashMap<>())
                    .putIfAbsent(key, form.value(field(i, "value")).strip()) != null) {
                errors.add(new FieldError(rowField(i), "another row already maps " + key + " for " + status));
            }
        }
        return parameters;
    }

    /** A service error about {@code responseParameters.<status>[.<key>]}, moved to the first row it names. */
    static FieldError onRow(Form form, FieldError error) {
        String rest = error.field().substring("responseParameters.".length());
        for (int i = 0; form.values().containsKey(field(i, "key")); i++) {
            String status = form.value(field(i, "status")).strip();
            String key = form.value(field(i, "key")).strip();
            if (rest.equals(status) || rest.equals(status + "." + key)) {
                return new FieldError(rowField(i), error.message());
            }
        }
        return error;
    }

    static List<FieldError> onRows(Form form, List<FieldError> errors) {
        List<FieldError> moved = new ArrayList<>();
        errors.forEach(e -> moved.add(e.field().startsWith("responseParameters.") ? onRow(form, e) : e));
        return moved;
    }
}
