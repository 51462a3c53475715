package dev.portico.cp.api;

import dev.portico.snapshot.AuthorizationType;

import java.time.Instant;
import java.util.List;

/** A route as the admin API shows it. {@code revision} is also its ETag. */
public record RouteView(String id, String routeKey, String integrationId, AuthorizationType authorizationType,
                        String authorizerId, List<String> authorizationScopes, boolean apiKeyRequired, long revision, Instant createdAt, Instant updatedAt) {

    static RouteView of(RouteEntity r) {
        return new RouteView(r.id, r.routeKey, r.integrationId, r.authorizationType, r.authorizerId,
                r.authorizationScopes, r.apiKeyRequired, r.revision,
                r.createdAt, r.updatedAt);
    }
}
