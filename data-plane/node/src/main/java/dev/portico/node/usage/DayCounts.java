package dev.portico.node.usage;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.ObjLongConsumer;

/**
 * Requests counted per UTC epoch day. Nearly always all of them fall on one day, kept in two plain
 * fields so that counting a request allocates nothing; other days (around midnight, or while the
 * control plane is away for long) go to a map.
 */
final class DayCounts {

    private static final long NONE = Long.MIN_VALUE;

    private long day = NONE;
    private long count;
    private Map<Long, Long> otherDays;

    void add(long epochDay, long n) {
        if (epochDay == day || day == NONE) {
            day = epochDay;
            count += n;
            return;
        }
        if (otherDays == null) {
            otherDays = new TreeMap<>();
        }
        if (epochDay > day) {
            // The newest day stays in the fields: that is the one requests keep counting on.
            otherDays.merge(day, count, Long::sum);
            day = epochDay;
            count = n;
        } else {
            otherDays.merge(epochDay, n, Long::sum);
        }
    }

    /** The sum over the days in {@code [startDay, endDay)}. */
    long within(long startDay, long endDay) {
        long sum = day >= startDay && day < endDay ? count : 0;
        if (otherDays != null) {
            for (Map.Entry<Long, Long> entry : otherDays.entrySet()) {
                if (entry.getKey() >= startDay && entry.getKey() < endDay) {
                    sum += entry.getValue();
                }
            }
        }
        return sum;
    }

    boolean isEmpty() {
        return day == NONE;
    }

    /** Hands every (day, count) to {@code sink}, oldest first, and empties this. */
    void drainTo(ObjLongConsumer<Long> sink) {
        if (otherDays != null) {
            otherDays.forEach(sink::accept);
            otherDays = null;
        }
        if (day != NONE) {
            sink.accept(day, count);
        }
        day = NONE;
        count = 0;
    }
}
