package dev.portico.node.observe;

import dev.portico.snapshot.fleet.Traffic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficCountersTest {

    private static final long MS = 1_000_000;

    @Test
    void countsByStatusClassAndLatencyBucket() {
        TrafficCounters counters = new TrafficCounters();
        counters.record(200, 3 * MS);
        counters.record(404, 7 * MS);
        counters.record(429, 7 * MS);
        counters.record(502, 60_000 * MS);

        Traffic traffic = counters.read();

        assertThat(traffic.requests()).isEqualTo(4);
        assertThat(traffic.clientErrors()).isEqualTo(2);
        assertThat(traffic.serverErrors()).isEqualTo(1);
        assertThat(traffic.latencyBuckets()).hasSize(Traffic.LATENCY_BOUNDS_MILLIS.size() + 1);
        assertThat(traffic.latencyBuckets().get(0)).isEqualTo(1);
        assertThat(traffic.latencyBuckets().get(1)).isEqualTo(2);
        assertThat(traffic.latencyBuckets().get(Traffic.LATENCY_BOUNDS_MILLIS.size())).isEqualTo(1);
        assertThat(counters.requests()).isEqualTo(4);
    }
}
