package dev.portico.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An immutable, numbered copy of an API's draft. Routes are kept in route-key order and
 * integrations and authorizers in id order, so equal content always has equal JSON and hash.
 *
 * @param contentHash {@link SnapshotCodec#contentHash(List, List, List)} of routes, integrations and
 *                    authorizers; nodes recompute it to verify what they received
 */
public record Deployment(String id, int version, String contentHash, List<Route> routes,
                         List<Integration> integrations,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Authorizer> authorizers) {

    public Deployment {
        routes = Canonical.sorted(routes, Route::routeKey);
        integrations = Canonical.sorted(integrations, Integration::id);
        authorizers = Canonical.sorted(authorizers, Authorizer::id);
    }

    public Deployment(String id, int version, String contentHash, List<Route> routes,
                      List<Integration> integrations) {
        this(id, version, contentHash, routes, integrations, List.of());
    }
}
