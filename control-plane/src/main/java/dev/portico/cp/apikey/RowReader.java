package dev.portico.cp.apikey;

import dev.portico.cp.error.FieldError;
import org.apache.commons.csv.CSVRecord;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Checks the cells of one CSV data line, naming each bad one as {@code "line N: column"}. */
final class RowReader {

    private final int line;
    private final CSVRecord record;
    private final Map<String, Integer> columns;
    private final List<FieldError> errors;

    RowReader(int line, CSVRecord record, Map<String, Integer> columns, List<FieldError> errors) {
        this.line = line;
        this.record = record;
        this.columns = columns;
        this.errors = errors;
    }

    ApiKeyCsv.Row read() {
        String name = cell("name");
        if (name.isEmpty()) {
            error("name", "is required");
        } else if (name.length() > ApiKeyRequests.MAX_NAME) {
            error("name", "must be at most " + ApiKeyRequests.MAX_NAME + " characters");
        }
        String key = cell("key");
        checkKey(key);
        String description = cell("description");
        if (description.length() > ApiKeyRequests.MAX_DESCRIPTION) {
            error("description", "must be at most " + ApiKeyRequests.MAX_DESCRIPTION + " characters");
        }
        return new ApiKeyCsv.Row(line, name, key, description.isEmpty() ? null : description, enabled(), planIds());
    }

    /** As in AWS's format: plan ids separated by semicolons or commas (a cell with commas is quoted). */
    private List<String> planIds() {
        return Arrays.stream(cell("usageplanids").split("[;,]"))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .distinct()
                .toList();
    }

    private void checkKey(String key) {
        if (key.length() < ApiKeyCsv.MIN_KEY) {
            error("key", "must be at least " + ApiKeyCsv.MIN_KEY + " characters");
        } else if (key.length() > ApiKeyCsv.MAX_KEY) {
            error("key", "must be at most " + ApiKeyCsv.MAX_KEY + " characters");
        } else if (!key.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            // Clients send the key in the x-api-key header: printable ASCII without spaces only.
            error("key", "must be printable ASCII characters without spaces");
        }
    }

    /** Empty means enabled, as in AWS's format. */
    private boolean enabled() {
        String enabled = cell("enabled");
        if (enabled.isEmpty() || enabled.equalsIgnoreCase("true")) {
            return true;
        }
        if (!enabled.equalsIgnoreCase("false")) {
            error("enabled", "must be true, false or empty, got \"" + enabled + "\"");
        }
        return false;
    }

    private String cell(String column) {
        Integer index = columns.get(column);
        return index == null ? "" : record.get(index);
    }

    private void error(String column, String message) {
        errors.add(new FieldError("line " + line + ": " + column, message));
    }
}
