package dev.portico.node.observe;

import dev.portico.node.pipeline.GatewayError;
import dev.portico.snapshot.fleet.Traffic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's meters, exposed in Prometheus text format on the status port. Meters used per request
 * are resolved once (per route, per error key) so recording them is a few atomic adds.
 */
public final class NodeMetrics {

    /** Bucket bounds of the latency histograms: a fixed, short list keeps the series count low. */
    static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30)};
    static final String NONE = "none";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicLong appliedRevision = new AtomicLong(-1);
    private final AtomicLong fleetConnected = new AtomicLong();
    private final TrafficCounters traffic = new TrafficCounters();
    private final Timer snapshotApply;
    private final Counter snapshotRejected;
    private final Counter accessLogDropped;
    private final Map<GatewayError, Counter> gatewayErrors = new EnumMap<>(GatewayError.class);
    private final Map<String, RouteMeters> unrouted = new ConcurrentHashMap<>();

    public NodeMetrics() {
        Gauge.builder("portico.snapshot.revision", appliedRevision, AtomicLong::get)
                .description("Revision of the snapshot being served (-1 before any)").register(registry);
        Gauge.builder("portico.fleet.connected", fleetConnected, AtomicLong::get)
                .description("1 while the fleet channel to the control plane is open").register(registry);
        snapshotApply = Timer.builder("portico.snapshot.apply")
                .description("Time to validate, compile, swap and store a snapshot").register(registry);
        snapshotRejected = Counter.builder("portico.snapshot.rejected")
                .description("Snapshots refused (the node kept the one it had)").register(registry);
        accessLogDropped = Counter.builder("portico.access.log.dropped")
                .description("Access-log lines dropped because stdout could not keep up").register(registry);
        for (GatewayError error : GatewayError.values()) {
            gatewayErrors.put(error, Counter.builder("portico.gateway.errors").tag("key", error.name())
                    .description("Requests the gateway answered itself, or failed, by error key").register(registry));
        }
    }

    /** Meters of one route of one stage of one API. */
    public RouteMeters routeMeters(String api, String stage, String route) {
        return new RouteMeters(registry, orNone(api), orNone(stage), orNone(route));
    }

    /**
     * Meters for requests no route took (route "none"; api and stage "none" when unknown too). Kept
     * per API and stage: the names come from the snapshot, never from the request, so the map is bounded.
     */
    public RouteMeters unroutedMeters(String api, String stage) {
        return unrouted.computeIfAbsent(orNone(api) + '\n' + orNone(stage), key -> routeMeters(api, stage, null));
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }

    public void gatewayError(GatewayError error) {
        gatewayErrors.get(error).increment();
    }

    /** Counts an answered request for the heartbeats' traffic counters. */
    public void requestServed(int status, long latencyNanos) {
        traffic.record(status, latencyNanos);
    }

    /** Requests answered since the node started (for heartbeats). */
    public long requestsServed() {
        return traffic.requests();
    }

    /** The heartbeats' traffic counters: everything since the node started. */
    public Traffic traffic() {
        return traffic.read();
    }

    public void snapshotApplied(long revision, Duration took) {
        appliedRevision.set(revision);
        snapshotApply.record(took);
    }

    public void snapshotRejected() {
        snapshotRejected.increment();
    }

    public void accessLogDropped() {
        accessLogDropped.increment();
    }

    public void fleetConnected(boolean connected) {
        fleetConnected.set(connected ? 1 : 0);
    }

    /** Everything in Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }
}
