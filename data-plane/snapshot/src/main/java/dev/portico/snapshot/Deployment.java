package dev.portico.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * An immutable, numbered copy of an API's draft. Routes are kept in route-key order,
 * integrations and authorizers in id order and models in name order, so equal content always has
 * equal JSON and hash.
 *
 * @param contentHash      {@link SnapshotCodec#contentHash(DeploymentContent)} of everything below;
 *                         nodes recompute it to verify what they received
 * @param models           the JSON Schemas routes validate bodies against, by name
 * @param gatewayResponses the API's customised answers of the gateway's own, by type
 */
public record Deployment(String id, int version, String contentHash, List<Route> routes,
                         List<Integration> integrations,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Authorizer> authorizers,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Model> models,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY)
                         Map<GatewayResponseType, GatewayResponse> gatewayResponses) {

    public Deployment {
        routes = Canonical.sorted(routes, Route::routeKey);
        integrations = Canonical.sorted(integrations, Integration::id);
        authorizers = Canonical.sorted(authorizers, Authorizer::id);
        models = Canonical.sorted(models, Model::name);
        gatewayResponses = gatewayResponses == null ? Map.of() : Map.copyOf(gatewayResponses);
    }

    public Deployment(String id, int version, String contentHash, DeploymentContent content) {
        this(id, version, contentHash, content.routes(), content.integrations(), content.authorizers(),
                content.models(), content.gatewayResponses());
    }

    public Deployment(String id, int version, String contentHash, List<Route> routes,
                      List<Integration> integrations, List<Authorizer> authorizers) {
        this(id, version, contentHash, routes, integrations, authorizers, List.of(), Map.of());
    }

    /** What this deployment holds, the part its content hash covers. */
    public DeploymentContent content() {
        return new DeploymentContent(routes, integrations, authorizers, models, gatewayResponses);
    }

    public Deployment(String id, int version, String contentHash, List<Route> routes,
                      List<Integration> integrations) {
        this(id, version, contentHash, routes, integrations, List.of());
    }
}
