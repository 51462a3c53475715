package dev.portico.snapshot;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The period a quota counts over, in UTC days. Weeks start on Monday and months on the 1st; a
 * quota's offset moves that start later by whole days (a WEEK quota with offset 2 runs Wednesday to
 * Tuesday). Both planes compute periods here, so they always agree on where one ends.
 */
public enum QuotaPeriod {
    DAY(1), WEEK(7), MONTH(28);

    /** The shortest length of the period in days: an offset must stay below it. */
    private final int minDays;

    QuotaPeriod(int minDays) {
        this.minDays = minDays;
    }

    /** The largest offset allowed: fewer days than the shortest period (February for MONTH). */
    public int maxOffset() {
        return minDays - 1;
    }

    /** The first day of the period that contains {@code day}. */
    public LocalDate start(LocalDate day, int offset) {
        return natural(day.minusDays(offset)).plusDays(offset);
    }

    /** The first day after the period that starts on {@code start}. */
    public LocalDate end(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    private LocalDate natural(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }
}
