package dev.portico.node.observe;

import dev.portico.snapshot.fleet.Traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What heartbeats tell the control plane about the node's requests (for the console's dashboard):
 * counts since the node started, by status class and latency bucket. A few adds per request.
 */
final class TrafficCounters {

    private final LongAdder requests = new LongAdder();
    private final LongAdder clientErrors = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder[] latency = new LongAdder[Traffic.LATENCY_BOUNDS_MILLIS.size() + 1];

    TrafficCounters() {
        for (int i = 0; i < latency.length; i++) {
            latency[i] = new LongAdder();
        }
    }

    void record(int status, long latencyNanos) {
        requests.increment();
        if (status >= 500) {
            serverErrors.increment();
        } else if (status >= 400) {
            clientErrors.increment();
        }
        latency[Traffic.bucketOf(latencyNanos / 1_000_000)].increment();
    }

    long requests() {
        return requests.sum();
    }

    Traffic read() {
        List<Long> buckets = new ArrayList<>(latency.length);
        for (LongAdder bucket : latency) {
            buckets.add(bucket.sum());
        }
        return new Traffic(requests.sum(), clientErrors.sum(), serverErrors.sum(), buckets);
    }
}
