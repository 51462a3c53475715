package dev.portico.node.routing;

import io.vertx.core.http.HttpMethod;

/** The methods a route key can name; {@link #OTHER} stands for any method no route names (only ANY matches it). */
public enum RouteMethod {
    GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY, OTHER;

    /** For a route key's method (upper case, as {@code RouteKey} guarantees). */
    public static RouteMethod ofKey(String method) {
        return valueOf(method);
    }

    /** For a request: identity comparisons against Vert.x's constants, no string work. */
    public static RouteMethod of(HttpMethod method) {
        if (method == HttpMethod.GET) {
            return GET;
        } else if (method == HttpMethod.POST) {
            return POST;
        } else if (method == HttpMethod.PUT) {
            return PUT;
        } else if (method == HttpMethod.DELETE) {
            return DELETE;
        } else if (method == HttpMethod.PATCH) {
            return PATCH;
        } else if (method == HttpMethod.HEAD) {
            return HEAD;
        } else if (method == HttpMethod.OPTIONS) {
            return OPTIONS;
        }
        return byName(method.name());
    }

    private static RouteMethod byName(String name) {
        return switch (name) {
            case "GET" -> GET;
            case "POST" -> POST;
            case "PUT" -> PUT;
            case "PATCH" -> PATCH;
            case "DELETE" -> DELETE;
            case "HEAD" -> HEAD;
            case "OPTIONS" -> OPTIONS;
            default -> OTHER;
        };
    }
}
