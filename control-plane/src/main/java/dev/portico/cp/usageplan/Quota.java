package dev.portico.cp.usageplan;

import dev.portico.cp.api.Violations;
import dev.portico.snapshot.QuotaPeriod;

import java.util.Arrays;

/**
 * At most {@code limit} requests per {@code period} (DAY, WEEK or MONTH), whose start is shifted
 * by {@code offset} days (default 0). In a request, an empty object means no quota.
 */
public record Quota(Long limit, String period, Integer offset) {

    boolean none() {
        return limit == null && period == null && offset == null;
    }

    /** The quota as stored and shown: the offset defaults to 0. */
    Quota withDefaults() {
        return new Quota(limit, period, offset == null ? 0 : offset);
    }

    void check(String path, Violations violations) {
        if (limit == null) {
            violations.add(path + ".limit", "is required");
        } else if (limit < 1) {
            violations.add(path + ".limit", "must be a whole number of at least 1, got " + limit);
        }
        QuotaPeriod known = knownPeriod();
        if (period == null) {
            violations.add(path + ".period", "is required");
        } else if (known == null) {
            violations.add(path + ".period", "must be one of " + Arrays.toString(QuotaPeriod.values())
                    + ", got \"" + period + "\"");
        }
        if (offset != null && offset < 0) {
            violations.add(path + ".offset", "must be a whole number of days, at least 0, got " + offset);
        } else if (offset != null && known != null && offset > known.maxOffset()) {
            violations.add(path + ".offset", "must be less than the days of the period: 0 to " + known.maxOffset()
                    + " for " + known + ", got " + offset);
        }
    }

    /** The stored (checked, defaulted) quota as nodes see it. */
    dev.portico.snapshot.Quota toContract() {
        return new dev.portico.snapshot.Quota(limit, QuotaPeriod.valueOf(period), offset == null ? 0 : offset);
    }

    private QuotaPeriod knownPeriod() {
        for (QuotaPeriod known : QuotaPeriod.values()) {
            if (known.name().equals(period)) {
                return known;
            }
        }
        return null;
    }
}
