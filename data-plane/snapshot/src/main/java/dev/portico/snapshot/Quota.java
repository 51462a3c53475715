package dev.portico.snapshot;

import java.time.LocalDate;

/** At most {@code limit} requests per {@link QuotaPeriod period}, counted fleet-wide per API key. */
public record Quota(long limit, QuotaPeriod period, int offset) {

    /** The first day of the period that contains {@code day}. */
    public LocalDate periodStart(LocalDate day) {
        return period.start(day, offset);
    }
}
