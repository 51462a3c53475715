package dev.portico.node.pipeline;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * CORS preflight (SPEC §4): on an API with CORS, an {@code OPTIONS} request with {@code Origin} and
 * {@code Access-Control-Request-Method} is answered here with 204, whatever the routes, before any
 * authorization, key, throttle or quota. {@link CorsHeaders} writes the answer's headers. Other
 * requests, and every request to an API without CORS, pass on.
 */
final class CorsPreflightStep implements Step {

    static final CharSequence REQUEST_METHOD = HttpHeaders.createOptimized("Access-Control-Request-Method");
    static final CharSequence REQUEST_HEADERS = HttpHeaders.createOptimized("Access-Control-Request-Headers");

    @Override
    public void onRequest(Exchange exchange) {
        if (exchange.api().cors() == null || !isPreflight(exchange.request())) {
            exchange.proceed();
            return;
        }
        exchange.discardRequestBody();
        exchange.response().setStatusCode(204).end();
    }

    /** Only OPTIONS requests look at their headers. */
    static boolean isPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS && request.headers().contains(HttpHeaders.ORIGIN)
                && request.headers().contains(REQUEST_METHOD);
    }
}
