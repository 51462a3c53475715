package dev.portico.snapshot;

/**
 * A deployed route.
 *
 * @param routeKey "GET /pets/{id}", "ANY /files/{proxy+}" or "$default"; grammar in {@link RouteKey}
 */
public record Route(String id, String routeKey, String integrationId, AuthorizationType authorizationType,
                    boolean apiKeyRequired) {

    public Route {
        authorizationType = authorizationType == null ? AuthorizationType.NONE : authorizationType;
    }
}
