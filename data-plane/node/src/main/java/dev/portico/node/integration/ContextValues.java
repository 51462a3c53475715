package dev.portico.node.integration;

import dev.portico.node.pipeline.Exchange;
import io.vertx.core.json.Json;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code $context.*} values a parameter mapping or an authorizer's identity source may use, each
 * resolved to its reader when compiling.
 */
public final class ContextValues {

    /** As API Gateway writes {@code $context.requestTime}: {@code 09/Apr/2015:12:34:56 +0000}. */
    static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final String CLAIMS = "authorizer.claims.";
    private static final String AUTHORIZER = "authorizer.";

    private ContextValues() {
    }

    /** {@code name} is one {@code ParameterMapping} accepted (it checks the names). */
    public static ValueSource source(String name) {
        return switch (name) {
            case "requestId" -> Exchange::requestId;
            case "apiId" -> e -> e.api().id();
            case "stage" -> e -> e.stage().name();
            case "routeKey" -> e -> e.route().routeKey();
            case "httpMethod" -> e -> e.request().method().name();
            case "path" -> e -> e.request().path();
            case "domainName" -> ContextValues::domainName;
            case "requestTime" -> e -> REQUEST_TIME.format(Instant.ofEpochMilli(e.startEpochMillis()));
            case "requestTimeEpoch" -> e -> Long.toString(e.startEpochMillis());
            case "identity.sourceIp" -> ContextValues::sourceIp;
            case "identity.userAgent" -> e -> e.request().getHeader("User-Agent");
            case "authorizer.principalId" -> e -> e.authorized().principal();
            default -> authorizer(name);
        };
    }

    private static ValueSource authorizer(String name) {
        if (name.startsWith(CLAIMS)) {
            String claim = name.substring(CLAIMS.length());
            return e -> text(e.authorized().claims().get(claim));
        }
        if (name.startsWith(AUTHORIZER)) {
            String key = name.substring(AUTHORIZER.length());
            return e -> text(e.authorized().context().get(key));
        }
        throw new IllegalArgumentException("$context." + name + " is not known");
    }

    /** Strings as they are, lists joined with commas (as a header lists values), objects as JSON. */
    static String text(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(ContextValues::text).collect(Collectors.joining(","));
        }
        if (value instanceof Map<?, ?> map) {
            return Json.encode(map);
        }
        return value.toString();
    }

    private static String domainName(Exchange exchange) {
        HostAndPort authority = exchange.request().authority();
        return authority == null ? null : authority.host();
    }

    private static String sourceIp(Exchange exchange) {
        SocketAddress peer = exchange.request().remoteAddress();
        return peer == null ? null : peer.hostAddress();
    }
}
