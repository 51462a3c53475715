package dev.portico.snapshot;

import java.util.List;

/**
 * An immutable, numbered copy of an API's draft. Routes are kept in route-key order and
 * integrations in id order, so equal content always has equal JSON and hash.
 *
 * @param contentHash {@link SnapshotCodec#contentHash(List, List)} of routes and integrations;
 *                    nodes recompute it to verify what they received
 */
public record Deployment(String id, int version, String contentHash, List<Route> routes,
                         List<Integration> integrations) {

    public Deployment {
        routes = Canonical.sorted(routes, Route::routeKey);
        integrations = Canonical.sorted(integrations, Integration::id);
    }
}
