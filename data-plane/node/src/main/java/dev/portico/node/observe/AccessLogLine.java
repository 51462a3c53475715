package dev.portico.node.observe;

import dev.portico.node.pipeline.Exchange;
import dev.portico.node.snapshot.CompiledRoute;
import dev.portico.node.snapshot.CompiledStage;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * The access-log line of one exchange: a flat JSON object with the SPEC §4 fields this node knows
 * today, always all of them, in this order (null when unknown). Latencies are milliseconds with
 * microsecond precision.
 */
public final class AccessLogLine {

    private AccessLogLine() {
    }

    public static String format(Exchange exchange, long latencyNanos, long integrationNanos) {
        HttpServerRequest request = exchange.request();
        CompiledStage stage = exchange.stage();
        CompiledRoute route = exchange.route();
        StringBuilder out = new StringBuilder(384);
        field(out.append('{'), "requestId", exchange.requestId());
        LogTime.append(out.append(",\"time\":\""), exchange.startEpochMillis()).append('"');
        field(out.append(','), "ip", request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
        field(out.append(','), "method", request.method() == null ? null : request.method().name());
        field(out.append(','), "host", request.headers().get(HttpHeaders.HOST));
        field(out.append(','), "path", request.path());
        field(out.append(','), "routeKey", route == null ? null : route.routeKey());
        field(out.append(','), "apiId", exchange.api() == null ? null : exchange.api().id());
        field(out.append(','), "stage", stage == null ? null : stage.name());
        field(out.append(','), "deployment", stage == null ? null : stage.deploymentId());
        out.append(",\"status\":").append(exchange.status());
        out.append(",\"bytesIn\":").append(exchange.bytesIn());
        out.append(",\"bytesOut\":").append(exchange.bytesOut());
        millis(out.append(",\"latencyMs\":"), latencyNanos);
        millis(out.append(",\"integrationLatencyMs\":"), integrationNanos);
        field(out.append(','), "apiKeyId", exchange.apiKeyId());
        field(out.append(','), "principal", exchange.authorized().principal());
        field(out.append(','), "error", exchange.error() == null ? null : exchange.error().name());
        return out.append('}').toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        JsonText.string(out.append('"').append(name).append("\":"), value);
    }

    private static void millis(StringBuilder out, long nanos) {
        if (nanos < 0) {
            out.append("null");
            return;
        }
        long micros = nanos / 1_000;
        long fraction = micros % 1_000;
        out.append(micros / 1_000).append('.');
        if (fraction < 100) {
            out.append(fraction < 10 ? "00" : "0");
        }
        out.append(fraction);
    }
}
