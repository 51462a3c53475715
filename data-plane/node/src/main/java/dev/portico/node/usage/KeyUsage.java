package dev.portico.node.usage;

import dev.portico.node.protect.QuotaWindow;

import java.util.ArrayDeque;
import java.util.function.ObjLongConsumer;

/**
 * The usage of one key under one plan, as this node knows it: the fleet's count from the last
 * totals, what this node reported that those totals did not include yet, and what it has not
 * reported. Admission (check and count) is one synchronized block, so concurrent requests on several
 * event loops can never both take the last request of a quota; the block is a few additions long.
 */
final class KeyUsage {

    /**
     * The answer to {@link #admit}: the requests left in the period after this one (-1 when refused),
     * and whether to report before the next tick.
     */
    record Admission(long left, boolean reportSoon) {
        static final Admission REFUSED = new Admission(-1, false);
    }

    /** A count sent in report {@code seq} and not yet confirmed by totals. */
    private record Sent(long seq, long day, long count) {
    }

    /** Reports near the limit go out after fewer requests: at 1/20 of what is left, and each request at the end. */
    private static final int EARLY_REPORT_DIVISOR = 20;

    private long fleetUsed;
    private long fleetPeriodStart = Long.MIN_VALUE;
    private final DayCounts unsent = new DayCounts();
    private final ArrayDeque<Sent> inFlight = new ArrayDeque<>();

    synchronized Admission admit(long limit, QuotaWindow window, long day) {
        long estimate = estimate(window);
        if (estimate >= limit) {
            return Admission.REFUSED;
        }
        unsent.add(day, 1);
        long left = limit - estimate - 1;
        long unsentNow = unsent.within(window.startDay(), window.endDay());
        return new Admission(left, unsentNow >= Math.max(1, left / EARLY_REPORT_DIVISOR));
    }

    /** Counts a request of a plan without a quota: reported, never refused. */
    synchronized void count(long day) {
        unsent.add(day, 1);
    }

    /**
     * The fleet's usage in {@code window} as far as this node can tell: the last totals (if they are
     * for this period), plus reports they did not include yet, plus what is not reported yet.
     */
    synchronized long estimate(QuotaWindow window) {
        long sum = fleetPeriodStart == window.startDay() ? fleetUsed : 0;
        for (Sent sent : inFlight) {
            if (window.contains(sent.day())) {
                sum += sent.count();
            }
        }
        return sum + unsent.within(window.startDay(), window.endDay());
    }

    /** Moves everything unsent into report {@code seq}, handing each (day, count) to {@code sink}. */
    synchronized void drainInto(long seq, ObjLongConsumer<Long> sink) {
        unsent.drainTo((day, count) -> {
            inFlight.add(new Sent(seq, day, count));
            sink.accept(day, count);
        });
    }

    /**
     * Takes the fleet's count from totals and forgets the reports they include.
     *
     * @param periodStart epoch day the count is for; {@link Long#MIN_VALUE} with used 0 when the totals named none
     */
    synchronized void fleetTotal(long periodStart, long used, long includedSeq) {
        fleetPeriodStart = periodStart;
        fleetUsed = used;
        inFlight.removeIf(sent -> sent.seq() <= includedSeq);
    }
}
