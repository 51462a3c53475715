package dev.portico.snapshot;

import java.util.List;

/**
 * An API's CORS answer, given by the gateway whatever the routes and replacing any CORS headers of
 * the backend.
 *
 * @param allowOrigins  exact origins ({@code https://app.example.com}), {@code *}, or a scheme wildcard
 *                      ({@code https://*.example.com})
 * @param maxAge        seconds a browser may cache a preflight; null sends no {@code Access-Control-Max-Age}
 */
public record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                   List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {

    public static final String ANY = "*";

    public Cors {
        allowOrigins = allowOrigins == null ? List.of() : List.copyOf(allowOrigins);
        allowMethods = allowMethods == null ? List.of() : List.copyOf(allowMethods);
        allowHeaders = allowHeaders == null ? List.of() : List.copyOf(allowHeaders);
        exposeHeaders = exposeHeaders == null ? List.of() : List.copyOf(exposeHeaders);
    }
}
