package dev.portico.cp.api;

import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.InvalidRouteKeyException;
import dev.portico.snapshot.RouteKey;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The body of POST and PATCH on routes: {@code {routeKey, integrationId, authorizationType,
 * authorizerId, authorizationScopes, apiKeyRequired}}. In a PATCH, absent fields keep their value,
 * but a change of authorization type starts the authorizer and scopes from nothing.
 */
public record RouteRequest(String routeKey, String integrationId, String authorizationType, String authorizerId,
                           List<String> authorizationScopes, Boolean apiKeyRequired) {

    public static final int MAX_SCOPES = 50;
    public static final int MAX_SCOPE_LENGTH = 256;

    /** A route without authorization settings. */
    public RouteRequest(String routeKey, String integrationId, String authorizationType, Boolean apiKeyRequired) {
        this(routeKey, integrationId, authorizationType, null, null, apiKeyRequired);
    }

    /** This request laid over an existing route, as a PATCH asks. */
    public RouteRequest over(RouteEntity current) {
        boolean sameType = authorizationType == null || authorizationType.equals(current.authorizationType.name());
        return new RouteRequest(or(routeKey, current.routeKey), or(integrationId, current.integrationId),
                or(authorizationType, current.authorizationType.name()),
                sameType ? or(authorizerId, current.authorizerId) : authorizerId,
                sameType ? or(authorizationScopes, current.authorizationScopes) : authorizationScopes,
                or(apiKeyRequired, current.apiKeyRequired));
    }

    /**
     * The valid settings this request describes, or a 400 naming every bad field.
     *
     * @param integrationExists whether the API's draft has an integration with a given id
     * @param authorizerType    the type of the API's authorizer with a given id, null when there is none
     */
    public RouteFields validate(Predicate<String> integrationExists, Function<String, AuthorizationType> authorizerType) {
        Violations violations = new Violations();
        RouteKey key = routeKey(violations);
        if (integrationId == null || integrationId.isBlank()) {
            violations.add("integrationId", "is required");
        } else if (!integrationExists.test(integrationId)) {
            violations.add("integrationId", "this API has no integration " + integrationId);
        }
        AuthorizationType authorization = authorizationType(violations);
        if (authorization != null) {
            checkAuthorizer(authorization, authorizerType, violations);
            checkScopes(authorization, violations);
        }
        violations.throwIfAny();
        return new RouteFields(key, integrationId, authorization, ApiRequests.emptyToNull(authorizerId),
                authorizationScopes == null ? List.of() : List.copyOf(authorizationScopes),
                Boolean.TRUE.equals(apiKeyRequired));
    }

    private RouteKey routeKey(Violations violations) {
        try {
            return RouteKey.parse(routeKey);
        } catch (InvalidRouteKeyException e) {
            violations.add("routeKey", e.getMessage());
            return null;
        }
    }

    private AuthorizationType authorizationType(Violations violations) {
        if (authorizationType == null) {
            return AuthorizationType.NONE;
        }
        try {
            return AuthorizationType.valueOf(authorizationType);
        } catch (IllegalArgumentException e) {
            violations.add("authorizationType", "must be NONE, JWT or CUSTOM");
            return null;
        }
    }

    private void checkAuthorizer(AuthorizationType authorization, Function<String, AuthorizationType> authorizerType,
                                 Violations violations) {
        boolean named = authorizerId != null && !authorizerId.isBlank();
        if (authorization == AuthorizationType.NONE) {
            if (named) {
                violations.add("authorizerId", "must be empty when authorizationType is NONE");
            }
            return;
        }
        if (!named) {
            violations.add("authorizerId", "is required: the " + authorization + " authorizer that checks callers");
            return;
        }
        AuthorizationType actual = authorizerType.apply(authorizerId);
        if (actual == null) {
            violations.add("authorizerId", "this API has no authorizer " + authorizerId);
        } else if (actual != authorization) {
            violations.add("authorizerId", "authorizer " + authorizerId + " is a " + actual
                    + " authorizer; authorizationType " + authorization + " needs a " + authorization + " one");
        }
    }

    private void checkScopes(AuthorizationType authorization, Violations violations) {
        if (authorizationScopes == null || authorizationScopes.isEmpty()) {
            return;
        }
        if (authorization != AuthorizationType.JWT) {
            violations.add("authorizationScopes", "are only for JWT authorization");
        } else if (authorizationScopes.size() > MAX_SCOPES) {
            violations.add("authorizationScopes", "must be at most " + MAX_SCOPES);
        } else if (authorizationScopes.stream().anyMatch(s -> s == null || s.isBlank() || s.length() > MAX_SCOPE_LENGTH
                || s.chars().anyMatch(Character::isWhitespace))) {
            violations.add("authorizationScopes", "each scope must be one word of at most " + MAX_SCOPE_LENGTH
                    + " characters, without spaces");
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
