package dev.portico.node.observe;

import java.time.Instant;

/**
 * Access-log times, as {@link Instant#toString()} writes them ({@code 2026-12-07T15:33:01.123Z}), without
 * formatting the date for every request: each event loop keeps the text of the last second it wrote
 * and only appends the milliseconds while the second stays the same.
 */
final class LogTime {

    private static final ThreadLocal<LogTime> LAST_SECOND = ThreadLocal.withInitial(LogTime::new);

    private long second = Long.MIN_VALUE;
    /** {@code 2026-12-07T15:33:01}: the ISO instant of {@link #second} without fraction and zone. */
    private String prefix;

    private LogTime() {
    }

    static StringBuilder append(StringBuilder out, long epochMillis) {
        return LAST_SECOND.get().write(out, epochMillis);
    }

    private StringBuilder write(StringBuilder out, long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000);
        if (epochSecond != second) {
            String whole = Instant.ofEpochSecond(epochSecond).toString();
            prefix = whole.substring(0, whole.length() - 1);
            second = epochSecond;
        }
        out.append(prefix);
        int millis = (int) Math.floorMod(epochMillis, 1000);
        if (millis != 0) {
            out.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                    .append((char) ('0' + millis % 10));
        }
        return out.append('Z');
    }
}
