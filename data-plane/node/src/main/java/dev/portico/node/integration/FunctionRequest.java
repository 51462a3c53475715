package dev.portico.node.integration;

import dev.portico.node.authorize.Authorized;
import dev.portico.node.pipeline.Exchange;
import dev.portico.node.routing.ParamSlot;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one request tells its function, read off the exchange once the body is in. A value of its
 * own, so the event writers can be tested (and golden events made) without a server.
 *
 * @param rawPath        the path as the client sent it, stage included, no query
 * @param rawQuery       the query as sent, without '?'; null when none
 * @param headers        the client's end-to-end headers plus X-Forwarded-For and X-Forwarded-Proto
 * @param pathParameters decoded, in the route key's order
 * @param body           the body as received (empty when none)
 */
public record FunctionRequest(String method, String rawPath, String rawQuery, String protocol, MultiMap headers,
                              String sourceIp, String requestId, long epochMillis,
                              Map<String, String> pathParameters, Authorized authorized, Buffer body) {

    private static final Set<String> REPLACED = HopByHop.caseInsensitive("X-Forwarded-For", "X-Forwarded-Proto");

    static FunctionRequest of(Exchange exchange, Buffer body) {
        HttpServerRequest request = exchange.request();
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new FunctionRequest(request.method().name(), request.path(), request.query(), protocol(request.version()),
                headers(request, peer), peer, exchange.requestId(), exchange.startEpochMillis(),
                pathParameters(exchange), exchange.authorized(), body);
    }

    /** As a proxy would pass them on: the function learns the client's address as a backend does. */
    private static MultiMap headers(HttpServerRequest request, String peer) {
        MultiMap headers = HttpHeaders.headers();
        HopByHop.copyEndToEnd(request.headers(), headers, REPLACED);
        List<String> prior = request.headers().getAll("X-Forwarded-For");
        String forwarded = peer == null ? "unknown" : peer;
        headers.set("X-Forwarded-For", prior.isEmpty() ? forwarded : String.join(", ", prior) + ", " + forwarded);
        headers.set("X-Forwarded-Proto", request.scheme());
        return headers;
    }

    private static Map<String, String> pathParameters(Exchange exchange) {
        List<ParamSlot> slots = exchange.route().params();
        if (slots.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            values.put(slots.get(i).name(), exchange.pathParameters().value(i));
        }
        return values;
    }

    private static String protocol(HttpVersion version) {
        return switch (version) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_2 -> "HTTP/2.0";
            default -> "HTTP/1.1";
        };
    }

    String header(String name) {
        return headers.get(name);
    }

    /** The Host without its port, or null. */
    String domainName() {
        String host = headers.get(HttpHeaders.HOST);
        if (host == null) {
            return null;
        }
        int colon = host.startsWith("[") ? host.indexOf(':', host.indexOf(']')) : host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** The first label of the domain name, as API Gateway's {@code domainPrefix}. */
    String domainPrefix() {
        String domain = domainName();
        if (domain == null) {
            return null;
        }
        int dot = domain.indexOf('.');
        return dot < 0 ? domain : domain.substring(0, dot);
    }
}
