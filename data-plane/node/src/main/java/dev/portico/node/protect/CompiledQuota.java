package dev.portico.node.protect;

import dev.portico.snapshot.Quota;

import java.time.LocalDate;

/**
 * A plan's quota, with the period of the day last asked for remembered: the period changes once a
 * day at most, so requests do not redo the calendar arithmetic.
 */
public final class CompiledQuota {

    private final Quota quota;
    private volatile QuotaWindow last;

    public CompiledQuota(Quota quota) {
        this.quota = quota;
    }

    public long limit() {
        return quota.limit();
    }

    /** The period that contains {@code epochDay}. */
    public QuotaWindow window(long epochDay) {
        QuotaWindow window = last;
        if (window == null || !window.contains(epochDay)) {
            LocalDate start = quota.periodStart(LocalDate.ofEpochDay(epochDay));
            window = new QuotaWindow(start.toEpochDay(), quota.period().end(start).toEpochDay(), start.toString());
            last = window;
        }
        return window;
    }
}
