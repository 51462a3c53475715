package dev.portico.node.observe;

import dev.portico.node.pipeline.GatewayError;
import dev.portico.node.protect.KeyRejection;
import dev.portico.node.protect.ThrottleReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The meters of one route: requests by status class, latency, integration latency, requests its
 * authorizer or key step rejected and its throttles refused, by reason. Counters are registered on first use, so
 * a route that never fails has no 5xx series and an unprotected route no rejection series.
 */
public final class RouteMeters {

    private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};
    private static final String REJECTED = "portico.requests.rejected";
    private static final String REJECTED_HELP =
            "Requests refused by the route's authorizer, for their API key or by request validation, by reason";

    private final MeterRegistry registry;
    private final String api;
    private final String stage;
    private final String route;
    private final Counter[] byStatusClass = new Counter[STATUS_CLASSES.length];
    private final Counter[] rejected = new Counter[KeyRejection.values().length];
    private final Counter[] throttled = new Counter[ThrottleReason.values().length];
    private final Counter[] refused = new Counter[GatewayError.values().length];
    private Counter validated;
    private final Timer latency;
    private final Timer integrationLatency;

    RouteMeters(MeterRegistry registry, String api, String stage, String route) {
        this.registry = registry;
        this.api = api;
        this.stage = stage;
        this.route = route;
        this.latency = histogram("portico.request.duration", "Time from request to end of response");
        this.integrationLatency = histogram("portico.integration.duration",
                "Time from calling the integration to its response head");
    }

    private Timer histogram(String name, String description) {
        return Timer.builder(name).description(description)
                .tags("api", api, "stage", stage, "route", route)
                .serviceLevelObjectives(NodeMetrics.LATENCY_BUCKETS)
                .register(registry);
    }

    /** @param integrationNanos -1 when no integration was called */
    public void record(int status, long latencyNanos, long integrationNanos) {
        statusCounter(status).increment();
        latency.record(latencyNanos, TimeUnit.NANOSECONDS);
        if (integrationNanos >= 0) {
            integrationLatency.record(integrationNanos, TimeUnit.NANOSECONDS);
        }
    }

    private Counter statusCounter(int status) {
        int index = Math.min(Math.max(status / 100 - 1, 0), STATUS_CLASSES.length - 1);
        Counter counter = byStatusClass[index];
        if (counter == null) {
            counter = Counter.builder("portico.requests").description("Requests by API, stage, route and status class")
                    .tags("api", api, "stage", stage, "route", route, "status", STATUS_CLASSES[index])
                    .register(registry);
            byStatusClass[index] = counter;
        }
        return counter;
    }

    /** A request refused by the API key step (403). */
    public void rejected(KeyRejection reason) {
        Counter counter = rejected[reason.ordinal()];
        if (counter == null) {
            counter = reasonCounter(REJECTED, REJECTED_HELP, reason.label());
            rejected[reason.ordinal()] = counter;
        }
        counter.increment();
    }

    /** A request refused by the route's authorizer or its request validation; the reason label is the error key in lower case. */
    public void rejected(GatewayError reason) {
        Counter counter = refused[reason.ordinal()];
        if (counter == null) {
            counter = reasonCounter(REJECTED, REJECTED_HELP, reason.name().toLowerCase(Locale.ROOT));
            refused[reason.ordinal()] = counter;
        }
        counter.increment();
    }

    /** A request that passed its route's request validation (refusals go to {@link #rejected(GatewayError)}). */
    public void validated() {
        Counter counter = validated;
        if (counter == null) {
            counter = Counter.builder("portico.requests.validated")
                    .description("Requests whose parameters and body passed the route's request validation")
                    .tags("api", api, "stage", stage, "route", route)
                    .register(registry);
            validated = counter;
        }
        counter.increment();
    }

    /** A request refused by a throttle or the quota (429). */
    public void throttled(ThrottleReason reason) {
        Counter counter = throttled[reason.ordinal()];
        if (counter == null) {
            counter = reasonCounter("portico.requests.throttled",
                    "Requests refused by a throttle or quota (429), by reason", reason.label());
            throttled[reason.ordinal()] = counter;
        }
        counter.increment();
    }

    /** Registering twice gives the same counter, so two event loops racing here count into one series. */
    private Counter reasonCounter(String name, String description, String reason) {
        return Counter.builder(name).description(description)
                .tags("api", api, "stage", stage, "route", route, "reason", reason)
                .register(registry);
    }
}
