package dev.portico.node.authorize;

import java.util.Map;

/**
 * Who the authorization step let in: the principal for the access log, the JWT's claims
 * ({@code $context.authorizer.claims.*}) and a custom authorizer's context ({@code $context.authorizer.*}).
 */
public record Authorized(String principal, Map<String, Object> claims, Map<String, Object> context) {

    /** A route without authorization. */
    public static final Authorized ANONYMOUS = new Authorized(null, Map.of(), Map.of());

    public Authorized {
        claims = claims == null ? Map.of() : Map.copyOf(claims);
        context = context == null ? Map.of() : Map.copyOf(context);
    }
}
