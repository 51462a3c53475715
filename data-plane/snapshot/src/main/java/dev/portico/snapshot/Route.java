package dev.portico.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A deployed route.
 *
 * @param routeKey            "GET /pets/{id}", "ANY /files/{proxy+}" or "$default"; grammar in {@link RouteKey}
 * @param authorizerId        the deployment's authorizer checked when {@code authorizationType} is JWT or CUSTOM
 * @param authorizationScopes for JWT: a token must carry at least one of these scopes (none listed: any token)
 * @param requestValidation   what is checked before the integration is called; null: nothing
 */
public record Route(String id, String routeKey, String integrationId, AuthorizationType authorizationType,
                    String authorizerId,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> authorizationScopes,
                    boolean apiKeyRequired, RequestValidation requestValidation) {

    public Route {
        authorizationType = authorizationType == null ? AuthorizationType.NONE : authorizationType;
        authorizationScopes = authorizationScopes == null ? List.of() : List.copyOf(authorizationScopes);
    }

    public Route(String id, String routeKey, String integrationId, AuthorizationType authorizationType,
                 String authorizerId, List<String> authorizationScopes, boolean apiKeyRequired) {
        this(id, routeKey, integrationId, authorizationType, authorizerId, authorizationScopes, apiKeyRequired, null);
    }

    /** A route open to anyone (or needing only an API key). */
    public Route(String id, String routeKey, String integrationId, AuthorizationType authorizationType,
                 boolean apiKeyRequired) {
        this(id, routeKey, integrationId, authorizationType, null, List.of(), apiKeyRequired);
    }
}
