package dev.portico.node.pipeline;

import dev.portico.node.cors.CompiledCors;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * The CORS headers of every response on an API with CORS — the preflight's, the backend's, a
 * mock's and the gateway's own 4xx/5xx alike, so browsers can read them. Added as the head goes
 * out, after the backend's headers, whose {@code Access-Control-*} it replaces.
 */
final class CorsHeaders implements Exchange.HeadDecoration {

    static final CorsHeaders INSTANCE = new CorsHeaders();

    private CorsHeaders() {
    }

    @Override
    public void decorate(Exchange exchange, MultiMap headers) {
        CompiledCors cors = exchange.api().cors();
        HttpServerRequest request = exchange.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (CorsPreflightStep.isPreflight(request)) {
            cors.writePreflight(headers, origin, request.getHeader(CorsPreflightStep.REQUEST_METHOD),
                    request.getHeader(CorsPreflightStep.REQUEST_HEADERS));
        } else {
            cors.writeActual(headers, origin);
        }
    }
}
