package dev.portico.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * What a deployment freezes of a draft, in canonical order: the part of a {@link Deployment} that its
 * content hash covers. Empty authorizers, models and gateway responses are left out of the JSON, so
 * content frozen before they existed hashes as it did.
 */
public record DeploymentContent(List<Route> routes, List<Integration> integrations,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Authorizer> authorizers,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Model> models,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY)
                                Map<GatewayResponseType, GatewayResponse> gatewayResponses) {

    public static final DeploymentContent EMPTY = new DeploymentContent(List.of(), List.of(), List.of(),
            List.of(), Map.of());

    public DeploymentContent {
        routes = Canonical.sorted(routes, Route::routeKey);
        integrations = Canonical.sorted(integrations, Integration::id);
        authorizers = Canonical.sorted(authorizers, Authorizer::id);
        models = Canonical.sorted(models, Model::name);
        gatewayResponses = gatewayResponses == null ? Map.of() : Map.copyOf(gatewayResponses);
    }

    public DeploymentContent(List<Route> routes, List<Integration> integrations) {
        this(routes, integrations, List.of(), List.of(), Map.of());
    }

    public DeploymentContent(List<Route> routes, List<Integration> integrations, List<Authorizer> authorizers) {
        this(routes, integrations, authorizers, List.of(), Map.of());
    }
}
