package dev.portico.cp.console;

import dev.portico.cp.deployment.Change;

import java.util.List;

/** One change of a diff or of pending changes, with its values as text for the page. */
public record ChangeRow(String kind, String key, String change, List<FieldRow> fields) {

    /** A field that differs; "—" stands for "not there". */
    public record FieldRow(String field, String from, String to) {
    }

    static List<ChangeRow> of(List<Change> changes) {
        return changes.stream().map(c -> new ChangeRow(c.kind(), c.key(), c.change().name(),
                c.fields().stream().map(f -> new FieldRow(f.field(), text(f.from()), text(f.to()))).toList())).toList();
    }

    private static String text(Object json) {
        return json == null || "null".equals(json.toString()) ? "—" : json.toString();
    }
}
