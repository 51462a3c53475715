package dev.portico.snapshot.fleet;

import java.util.List;

/**
 * A node's request counters since it started: how many, how many 4xx and 5xx, and how long they
 * took, as counts per latency bucket. Counters only grow while the node runs, so the control plane
 * gets what happened between two heartbeats by subtraction, and a missed heartbeat loses nothing; a
 * counter that went down means the node restarted.
 *
 * @param latencyBuckets requests per bucket of {@link #LATENCY_BOUNDS_MILLIS}: entry i counts
 *                       latencies up to bound i (and above bound i-1); the last entry counts the rest
 */
public record Traffic(long requests, long clientErrors, long serverErrors, List<Long> latencyBuckets) {

    /** Upper bounds of the latency buckets; one more bucket holds everything slower. */
    public static final List<Long> LATENCY_BOUNDS_MILLIS = List.of(5L, 10L, 25L, 50L, 100L, 250L, 500L, 1_000L,
            2_500L, 5_000L, 10_000L);

    public Traffic {
        latencyBuckets = latencyBuckets == null ? List.of() : List.copyOf(latencyBuckets);
    }

    /** The bucket a latency falls in: an index into {@link #latencyBuckets}. */
    public static int bucketOf(long latencyMillis) {
        for (int i = 0; i < LATENCY_BOUNDS_MILLIS.size(); i++) {
            if (latencyMillis <= LATENCY_BOUNDS_MILLIS.get(i)) {
                return i;
            }
        }
        return LATENCY_BOUNDS_MILLIS.size();
    }
}
