package dev.portico.node.integration;

import dev.portico.node.pipeline.Exchange;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

import java.util.Set;

/**
 * The headers a backend receives: the client's end-to-end headers, plus X-Forwarded-For (the
 * client's chain with the peer appended), X-Forwarded-Proto, X-Forwarded-Host and X-Request-Id.
 * Host is the backend's own (set by the client library from the integration URI).
 */
final class ForwardedHeaders {

    /** Request headers the gateway sets itself (or, for Expect, answers itself). */
    private static final Set<String> REPLACED = HopByHop.caseInsensitive(
            "Host", "Expect", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", Exchange.REQUEST_ID_HEADER);

    private ForwardedHeaders() {
    }

    static MultiMap of(HttpServerRequest request, String requestId) {
        MultiMap headers = HttpHeaders.headers();
        HopByHop.copyEndToEnd(request.headers(), headers, REPLACED);
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String prior = request.headers().contains("X-Forwarded-For")
                ? String.join(", ", request.headers().getAll("X-Forwarded-For")) : null;
        headers.set("X-Forwarded-For", prior == null ? peer : prior + ", " + peer);
        headers.set("X-Forwarded-Proto", request.scheme());
        String host = request.headers().get(HttpHeaders.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        headers.set(Exchange.REQUEST_ID_HEADER, requestId);
        return headers;
    }
}
