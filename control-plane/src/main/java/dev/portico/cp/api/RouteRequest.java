package dev.portico.cp.api;

import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.InvalidRouteKeyException;
import dev.portico.snapshot.RouteKey;

import java.util.function.Predicate;

/**
 * The body of POST and PATCH on routes: {@code {routeKey, integrationId, authorizationType,
 * apiKeyRequired}}. In a PATCH, absent fields keep their value.
 */
public record RouteRequest(String routeKey, String integrationId, String authorizationType, Boolean apiKeyRequired) {

    /** This request laid over an existing route, as a PATCH asks. */
    public RouteRequest over(RouteEntity current) {
        return new RouteRequest(routeKey != null ? routeKey : current.routeKey,
                integrationId != null ? integrationId : current.integrationId,
                authorizationType != null ? authorizationType : current.authorizationType.name(),
                apiKeyRequired != null ? apiKeyRequired : current.apiKeyRequired);
    }

    /**
     * The valid settings this request describes, or a 400 naming every bad field.
     *
     * @param integrationExists whether the API's draft has an integration with a given id
     */
    public RouteFields validate(Predicate<String> integrationExists) {
        Violations violations = new Violations();
        RouteKey key = routeKey(violations);
        if (integrationId == null || integrationId.isBlank()) {
            violations.add("integrationId", "is required");
        } else if (!integrationExists.test(integrationId)) {
            violations.add("integrationId", "this API has no integration " + integrationId);
        }
        AuthorizationType authorization = authorizationType(violations);
        violations.throwIfAny();
        return new RouteFields(key, integrationId, authorization, Boolean.TRUE.equals(apiKeyRequired));
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
            AuthorizationType type = AuthorizationType.valueOf(authorizationType);
            if (type != AuthorizationType.NONE) {
                violations.add("authorizationType",
                        type + " authorization is not available yet; only NONE is accepted");
            }
            return type;
        } catch (IllegalArgumentException e) {
            violations.add("authorizationType", "must be NONE, JWT or CUSTOM");
            return null;
        }
    }
}
