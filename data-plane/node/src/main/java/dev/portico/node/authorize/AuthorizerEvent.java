package dev.portico.node.authorize;

import dev.portico.node.pipeline.Exchange;
import dev.portico.node.routing.PathParameters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request authorizer event, payload format 2.0, as API Gateway HTTP APIs send it to a Lambda
 * authorizer: headers with lower-case names and repeated values comma-joined, cookies apart,
 * {@code requestContext} and the identity-source values. The route ARN uses {@code portico} where AWS
 * puts region and account.
 */
final class AuthorizerEvent {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private AuthorizerEvent() {
    }

    static JsonObject of(Exchange exchange, RouteContext route, List<String> identity) {
        HttpServerRequest request = exchange.request();
        String method = request.method().name();
        JsonObject event = new JsonObject()
                .put("version", "2.0")
                .put("type", "REQUEST")
                .put("routeArn", "arn:portico:execute-api:portico:portico:" + route.apiId() + "/" + route.stage()
                        + "/" + method + request.path())
                .put("identitySource", new JsonArray(new ArrayList<>(identity)))
                .put("routeKey", route.routeKey())
                .put("rawPath", request.path())
                .put("rawQueryString", request.query() == null ? "" : request.query());
        List<String> cookies = cookies(request.headers().getAll("Cookie"));
        if (!cookies.isEmpty()) {
            event.put("cookies", new JsonArray(new ArrayList<>(cookies)));
        }
        event.put("headers", new JsonObject(headers(request.headers())));
        putIfAny(event, "queryStringParameters", joined(request.params()));
        event.put("requestContext", requestContext(exchange, route, method));
        putIfAny(event, "pathParameters", pathParameters(exchange, route));
        putIfAny(event, "stageVariables", new LinkedHashMap<>(route.stageVariables()));
        return event;
    }

    private static JsonObject requestContext(Exchange exchange, RouteContext route, String method) {
        HttpServerRequest request = exchange.request();
        long epoch = exchange.startEpochMillis();
        JsonObject http = new JsonObject()
                .put("method", method)
                .put("path", request.path())
                .put("protocol", protocol(request))
                .put("sourceIp", request.remoteAddress() == null ? null : request.remoteAddress().hostAddress())
                .put("userAgent", request.getHeader("User-Agent"));
        return new JsonObject()
                .put("apiId", route.apiId())
                .put("domainName", request.authority() == null ? null : request.authority().host())
                .put("http", http)
                .put("requestId", exchange.requestId())
                .put("routeKey", route.routeKey())
                .put("stage", route.stage())
                .put("time", TIME.format(Instant.ofEpochMilli(epoch)))
                .put("timeEpoch", epoch);
    }

    private static String protocol(HttpServerRequest request) {
        return switch (request.version()) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_2 -> "HTTP/2.0";
            default -> "HTTP/1.1";
        };
    }

    private static Map<String, Object> headers(MultiMap headers) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("cookie")) {
                out.merge(lower, String.join(",", headers.getAll(name)), (a, b) -> a + "," + b);
            }
        }
        return out;
    }

    private static List<String> cookies(List<String> headers) {
        List<String> cookies = new ArrayList<>();
        for (String header : headers) {
            for (String cookie : header.split(";")) {
                if (!cookie.isBlank()) {
                    cookies.add(cookie.strip());
                }
            }
        }
        return cookies;
    }

    private static Map<String, Object> joined(MultiMap params) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : params.names()) {
            out.put(name, String.join(",", params.getAll(name)));
        }
        return out;
    }

    private static Map<String, Object> pathParameters(Exchange exchange, RouteContext route) {
        Map<String, Object> out = new LinkedHashMap<>();
        PathParameters values = exchange.pathParameters();
        for (int i = 0; i < route.params().size(); i++) {
            out.put(route.params().get(i).name(), values.value(i));
        }
        return out;
    }

    private static void putIfAny(JsonObject event, String name, Map<String, Object> values) {
        if (!values.isEmpty()) {
            event.put(name, new JsonObject(values));
        }
    }
}
