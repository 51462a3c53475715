package dev.portico.node.pipeline;

import dev.portico.node.observe.AccessLog;
import dev.portico.node.observe.AccessLogLine;
import dev.portico.node.observe.NodeMetrics;
import dev.portico.node.observe.RouteMeters;
import dev.portico.node.snapshot.CompiledRoute;

/**
 * Access log and metrics: when the exchange is over, counts it (by route and status class, and by
 * error key when the gateway answered itself) and writes its access-log line.
 */
final class AccessLogStep implements Step {

    private final AccessLog accessLog;
    private final NodeMetrics metrics;

    AccessLogStep(AccessLog accessLog, NodeMetrics metrics) {
        this.accessLog = accessLog;
        this.metrics = metrics;
    }

    @Override
    public void onRequest(Exchange exchange) {
        exchange.proceed();
    }

    @Override
    public void onResponse(Exchange exchange) {
        long latency = exchange.elapsedNanos();
        long integration = exchange.integrationNanos();
        CompiledRoute route = exchange.route();
        RouteMeters meters = route != null ? route.meters(metrics) : metrics.unroutedMeters(
                exchange.api() == null ? null : exchange.api().id(),
                exchange.stage() == null ? null : exchange.stage().name());
        meters.record(exchange.status(), latency, integration);
        if (exchange.error() != null) {
            metrics.gatewayError(exchange.error());
        }
        metrics.requestServed(exchange.status(), latency);
        accessLog.write(AccessLogLine.format(exchange, latency, integration));
    }
}
