package dev.portico.node.pipeline;

import dev.portico.node.observe.NodeMetrics;
import dev.portico.node.protect.KeyRejection;
import io.vertx.core.http.HttpHeaders;

/**
 * API key and usage plan (SPEC §4): on a route with {@code apiKeyRequired}, the {@code x-api-key}
 * header must hash to an enabled key that one of its plans grants this API stage, else 403
 * {@code Forbidden}. The request then carries the key's grant for the throttle and quota steps,
 * and its response gets the rate-limit headers. Routes without the flag pass at the cost of one
 * field read.
 */
final class ApiKeyStep implements Step {

    private static final CharSequence API_KEY = HttpHeaders.createOptimized("x-api-key");

    private final NodeMetrics metrics;
    private final Exchange.HeadDecoration rateLimitHeaders;

    ApiKeyStep(NodeMetrics metrics, Exchange.HeadDecoration rateLimitHeaders) {
        this.metrics = metrics;
        this.rateLimitHeaders = rateLimitHeaders;
    }

    @Override
    public void onRequest(Exchange exchange) {
        if (!exchange.route().apiKeyRequired()) {
            exchange.proceed();
            return;
        }
        KeyCheck check = KeyCheck.of(exchange.request().getHeader(API_KEY), exchange.snapshot().keys(), exchange.stage());
        exchange.apiKeyId(check.keyId());
        if (check.rejection() != null) {
            exchange.route().meters(metrics).rejected(check.rejection());
            exchange.reject(error(check.rejection()));
            return;
        }
        exchange.keyGrant(check.grant());
        exchange.decorateHead(rateLimitHeaders);
        exchange.proceed();
    }

    static GatewayError error(KeyRejection rejection) {
        return switch (rejection) {
            case MISSING -> GatewayError.API_KEY_MISSING;
            case UNKNOWN -> GatewayError.API_KEY_UNKNOWN;
            case DISABLED -> GatewayError.API_KEY_DISABLED;
            case NO_PLAN -> GatewayError.API_KEY_NO_PLAN;
        };
    }
}
