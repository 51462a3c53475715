package dev.portico.cp.usage;

import dev.portico.cp.api.Violations;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * {@code ?startDate=&endDate=&keyId=} of the usage report: inclusive UTC days "YYYY-MM-DD", both
 * required, at most {@value #MAX_DAYS} days.
 */
record UsageQuery(LocalDate startDate, LocalDate endDate, String keyId) {

    static final int MAX_DAYS = 366;

    /** The valid query; problems go to {@code violations} (then the dates may be null). */
    static UsageQuery parse(String startDate, String endDate, String keyId, Violations violations) {
        LocalDate start = date("startDate", startDate, violations);
        LocalDate end = date("endDate", endDate, violations);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                violations.add("endDate", "must not be before startDate (" + start + "), got " + end);
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
                violations.add("endDate", "the range may span at most " + MAX_DAYS + " days, got "
                        + (ChronoUnit.DAYS.between(start, end) + 1));
            }
        }
        return new UsageQuery(start, end, keyId == null || keyId.isBlank() ? null : keyId.strip());
    }

    private static LocalDate date(String field, String value, Violations violations) {
        if (value == null || value.isBlank()) {
            violations.add(field, "is required: a UTC day YYYY-MM-DD");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(field, "must be a day YYYY-MM-DD, got \"" + value + "\"");
            return null;
        }
    }
}
