package dev.portico.cp.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.RequestValidation;

import java.time.Instant;
import java.util.List;

/** A route as the admin API shows it. {@code revision} is also its ETag. */
public record RouteView(String id, String routeKey, String integrationId, AuthorizationType authorizationType,
                        String authorizerId, List<String> authorizationScopes, boolean apiKeyRequired,
                        @JsonInclude(JsonInclude.Include.NON_NULL) RequestValidation requestValidation,
                        long revision, Instant createdAt, Instant updatedAt) {

    static RouteView of(RouteEntity r) {
        return new RouteView(r.id, r.routeKey, r.integrationId, r.authorizationType, r.authorizerId,
                r.authorizationScopes, r.apiKeyRequired, r.requestValidation, r.revision,
                r.createdAt, r.updatedAt);
    }
}
