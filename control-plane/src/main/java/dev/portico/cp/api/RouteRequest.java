package dev.portico.cp.api;

import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.InvalidRouteKeyException;
import dev.portico.snapshot.RequestValidation;
import dev.portico.snapshot.RouteKey;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The body of POST and PATCH on routes: {@code {routeKey, integrationId, authorizationType,
 * authorizerId, authorizationScopes, apiKeyRequired, requestValidation: {bodyModel, requiredParameters}}}.
 * In a PATCH, absent fields keep their value, but a change of authorization type starts the authorizer
 * and scopes from nothing; an empty {@code requestValidation} ({@code {}}) turns validation off.
 */
public record RouteRequest(String routeKey, String integrationId, String authorizationType, String authorizerId,
                           List<String> authorizationScopes, Boolean apiKeyRequired,
                           RequestValidation requestValidation) {

    public static final int MAX_REQUIRED_PARAMETERS = 50;
    public static final int MAX_SCOPES = 50;
    public static final int MAX_SCOPE_LENGTH = 256;

    /** A route without authorization settings. */
    public RouteRequest(String routeKey, String integrationId, String authorizationType, Boolean apiKeyRequired) {
        this(routeKey, integrationId, authorizationType, null, null, apiKeyRequired, null);
    }

    /** A route with authorization settings and no request validation. */
    public RouteRequest(String routeKey, String integrationId, String authorizationType, String authorizerId,
                        List<String> authorizationScopes, Boolean apiKeyRequired) {
        this(routeKey, integrationId, authorizationType, authorizerId, authorizationScopes, apiKeyRequired, null);
    }

    /** This request laid over an existing route, as a PATCH asks. */
    public RouteRequest over(RouteEntity current) {
        boolean sameType = authorizationType == null || authorizationType.equals(current.authorizationType.name());
        return new RouteRequest(or(routeKey, current.routeKey), or(integrationId, current.integrationId),
                or(authorizationType, current.authorizationType.name()),
                sameType ? or(authorizerId, current.authorizerId) : authorizerId,
                sameType ? or(authorizationScopes, current.authorizationScopes) : authorizationScopes,
                or(apiKeyRequired, current.apiKeyRequired), or(requestValidation, current.requestValidation));
    }

    /**
     * The valid settings this request describes, or a 400 naming every bad field.
     *
     * @param integrationExists whether the API's draft has an integration with a given id
     * @param authorizerType    the type of the API's authorizer with a given id, null when there is none
     */
    public RouteFields validate(Predicate<String> integrationExists, Function<String, AuthorizationType> authorizerType) {
        return validate(integrationExists, authorizerType, name -> false);
    }

    /**
     * The valid settings this request describes, or a 400 naming every bad field.
     *
     * @param modelExists whether the API's draft has a model with a given name
     */
    public RouteFields validate(Predicate<String> integrationExists, Function<String, AuthorizationType> authorizerType,
                                Predicate<String> modelExists) {
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
        RequestValidation validation = requestValidation(key, modelExists, violations);
        violations.throwIfAny();
        return new RouteFields(key, integrationId, authorization, ApiRequests.emptyToNull(authorizerId),
                authorizationScopes == null ? List.of() : List.copyOf(authorizationScopes),
                Boolean.TRUE.equals(apiKeyRequired), validation);
    }

    /** The request validation asked for, null when it checks nothing. */
    private RequestValidation requestValidation(RouteKey key, Predicate<String> modelExists, Violations violations) {
        if (requestValidation == null) {
            return null;
        }
        String model = ApiRequests.emptyToNull(requestValidation.bodyModel());
        if (model != null && !modelExists.test(model)) {
            violations.add("requestValidation.bodyModel", "this API has no model named " + model);
        }
        List<String> parameters = requestValidation.requiredParameters();
        if (parameters.size() > MAX_REQUIRED_PARAMETERS) {
            violations.add("requestValidation.requiredParameters", "must be at most " + MAX_REQUIRED_PARAMETERS);
        }
        Set<String> pathParameters = key == null ? null : key.segments().stream()
                .filter(s -> s.kind() != RouteKey.Segment.Kind.LITERAL).map(RouteKey.Segment::value)
                .collect(Collectors.toSet());
        for (int i = 0; i < parameters.size(); i++) {
            String parameter = parameters.get(i);
            String field = "requestValidation.requiredParameters[" + i + "]";
            if (parameter == null || !RequestValidation.REQUIRED_PARAMETER.matcher(parameter).matches()) {
                violations.add(field, "must be querystring.NAME, header.NAME or path.NAME, not \"" + parameter + "\"");
            } else if (parameter.startsWith("path.") && pathParameters != null
                    && !pathParameters.contains(parameter.substring("path.".length()))) {
                violations.add(field, "route key " + key + " has no path parameter "
                        + parameter.substring("path.".length()));
            }
        }
        if (model == null && parameters.isEmpty()) {
            return null;
        }
        return new RequestValidation(model, parameters);
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
