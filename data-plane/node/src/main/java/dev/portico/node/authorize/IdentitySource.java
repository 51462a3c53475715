package dev.portico.node.authorize;

import dev.portico.node.pipeline.Exchange;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;

/**
 * Where an authorizer finds the caller's identity: {@code $request.header.X},
 * {@code $request.querystring.x}, {@code $context.name} or {@code $stageVariables.name}. Parsed once
 * when the snapshot is compiled. Repeated headers or query parameters give their values comma-joined.
 */
public record IdentitySource(Kind kind, String name) {

    public enum Kind { HEADER, QUERYSTRING, CONTEXT, STAGE_VARIABLE }

    private static final List<String> CONTEXT_NAMES = List.of("requestId", "apiId", "stage", "routeKey",
            "httpMethod", "path", "domainName", "identity.sourceIp", "identity.userAgent");

    /** Throws {@link IllegalArgumentException} saying what is wrong. */
    public static IdentitySource parse(String expression) {
        String text = expression == null ? "" : expression.trim();
        IdentitySource source = prefixed(text, "$request.header.", Kind.HEADER);
        if (source == null) {
            source = prefixed(text, "$request.querystring.", Kind.QUERYSTRING);
        }
        if (source == null) {
            source = prefixed(text, "$stageVariables.", Kind.STAGE_VARIABLE);
        }
        if (source == null) {
            source = prefixed(text, "$context.", Kind.CONTEXT);
            if (source != null && !CONTEXT_NAMES.contains(source.name())) {
                throw new IllegalArgumentException("identity source " + text + ": $context names one of " + CONTEXT_NAMES);
            }
        }
        if (source == null) {
            throw new IllegalArgumentException("identity source " + text + " must be $request.header.<name>, "
                    + "$request.querystring.<name>, $context.<name> or $stageVariables.<name>");
        }
        return source;
    }

    private static IdentitySource prefixed(String text, String prefix, Kind kind) {
        if (!text.startsWith(prefix)) {
            return null;
        }
        String name = text.substring(prefix.length());
        if (name.isEmpty()) {
            throw new IllegalArgumentException("identity source " + text + " names nothing");
        }
        return new IdentitySource(kind, name);
    }

    /** The value in this request, or null when absent. */
    public String valueIn(Exchange exchange, RouteContext route) {
        HttpServerRequest request = exchange.request();
        return switch (kind) {
            case HEADER -> joined(request.headers().getAll(name));
            case QUERYSTRING -> joined(request.params().getAll(name));
            case STAGE_VARIABLE -> route.stageVariables().get(name);
            case CONTEXT -> contextValue(exchange, route);
        };
    }

    private String contextValue(Exchange exchange, RouteContext route) {
        HttpServerRequest request = exchange.request();
        return switch (name) {
            case "requestId" -> exchange.requestId();
            case "apiId" -> route.apiId();
            case "stage" -> route.stage();
            case "routeKey" -> route.routeKey();
            case "httpMethod" -> request.method().name();
            case "path" -> request.path();
            case "domainName" -> request.authority() == null ? null : request.authority().host();
            case "identity.sourceIp" -> request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
            case "identity.userAgent" -> request.getHeader("User-Agent");
            default -> null;
        };
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }
}
