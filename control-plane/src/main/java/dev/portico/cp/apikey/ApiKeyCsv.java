package dev.portico.cp.apikey;

import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads API keys from CSV in AWS's import format: a header line naming the columns
 * {@code name,key,description,enabled,usageplanIds} (any case, any order; name and key required),
 * then one key per line. Every bad cell is reported as {@code "line N: column"}.
 */
public final class ApiKeyCsv {

    static final List<String> COLUMNS = List.of("name", "key", "description", "enabled", "usageplanIds");
    static final int MIN_KEY = 20;
    static final int MAX_KEY = 128;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private ApiKeyCsv() {
    }

    /** One data line: its values, and the line of the file it starts on. {@code planIds} may be empty. */
    public record Row(int line, String name, String key, String description, boolean enabled, List<String> planIds) {
    }

    /** The data lines of a file and every problem found in it; import only when there are no errors. */
    public record Parsed(List<Row> rows, List<FieldError> errors) {
    }

    public static Parsed parse(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<CSVRecord> records;
        try (CSVParser parser = FORMAT.parse(new StringReader(csv))) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            return new Parsed(List.of(), List.of(new FieldError("body", "is not valid CSV: " + e.getMessage())));
        }
        if (records.isEmpty()) {
            return new Parsed(List.of(), List.of(new FieldError("body", "the header line " + String.join(",", COLUMNS)
                    + " is required")));
        }
        Lines lines = new Lines(csv);
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> columns = columns(records.get(0), lines.of(records.get(0)), errors);
        if (!errors.isEmpty()) {
            return new Parsed(List.of(), errors);
        }
        if (records.size() == 1) {
            return new Parsed(List.of(), List.of(new FieldError("body", "has no keys after the header line")));
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> firstLineOfKey = new HashMap<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            int line = lines.of(record);
            if (record.size() != columns.size()) {
                errors.add(new FieldError("line " + line, "has " + record.size() + " fields; the header line has "
                        + columns.size()));
                continue;
            }
            Row row = new RowReader(line, record, columns, errors).read();
            Integer earlier = firstLineOfKey.putIfAbsent(row.key(), line);
            if (earlier != null && !row.key().isEmpty()) {
                errors.add(new FieldError("line " + line + ": key", "is the same key as line " + earlier));
            }
            rows.add(row);
        }
        return new Parsed(rows, byLine(errors));
    }

    /** The 400 that refuses a whole file. */
    static ProblemException rejected(List<FieldError> errors) {
        List<FieldError> sorted = byLine(errors);
        return new ProblemException(400, "VALIDATION_FAILED", "Bad Request",
                (sorted.size() == 1 ? sorted.get(0).field() + ": " + sorted.get(0).message()
                        : sorted.size() + " problems in the file") + "; nothing was imported", sorted);
    }

    /** Column name (lower case) → index, from the header line; problems go to {@code errors}. */
    private static Map<String, Integer> columns(CSVRecord header, int line, List<FieldError> errors) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            String field = "line " + line + ": " + header.get(i);
            if (COLUMNS.stream().noneMatch(c -> c.equalsIgnoreCase(name))) {
                errors.add(new FieldError(field, "is not a column of the import format (" + String.join(",", COLUMNS) + ")"));
            } else if (columns.putIfAbsent(name, i) != null) {
                errors.add(new FieldError(field, "appears twice in the header line"));
            }
        }
        for (String required : List.of("name", "key")) {
            if (errors.isEmpty() && !columns.containsKey(required)) {
                errors.add(new FieldError("line " + line, "the header line has no " + required + " column"));
            }
        }
        return columns;
    }

    /** Sorted by line number, in a stable way: one line's errors keep their order. */
    static List<FieldError> byLine(List<FieldError> errors) {
        return errors.stream().sorted(Comparator.comparingInt(ApiKeyCsv::lineOf)).toList();
    }

    private static int lineOf(FieldError error) {
        String field = error.field();
        if (!field.startsWith("line ")) {
            return 0;
        }
        int end = field.indexOf(':');
        return Integer.parseInt(field.substring(5, end < 0 ? field.length() : end));
    }

    /**
     * Line numbers of records. Commons CSV gives a record's character offset, which points before
     * any empty lines it skipped; the record starts at the first character after them.
     */
    private static final class Lines {

        private final String text;
        private int scanned;
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        int of(CSVRecord record) {
            int start = (int) record.getCharacterPosition();
            while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
                start++;
            }
            for (; scanned < start; scanned++) {
                char c = text.charAt(scanned);
                boolean crlf = c == '\r' && scanned + 1 < text.length() && text.charAt(scanned + 1) == '\n';
                if (c == '\n' || (c == '\r' && !crlf)) {
                    line++;
                }
            }
            return line;
        }
    }
}
