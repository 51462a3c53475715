package dev.portico.cp.traffic;

import java.time.Instant;

/**
 * What the whole fleet served in one minute.
 *
 * @param p50Millis median latency, as the upper bound of its latency bucket; null without requests
 * @param p99Millis 99th percentile the same way; the slowest bucket reports its lower bound
 */
public record TrafficMinute(Instant minute, long requests, long clientErrors, long serverErrors,
                            Long p50Millis, Long p99Millis) {
}
