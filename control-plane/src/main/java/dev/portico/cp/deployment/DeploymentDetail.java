package dev.portico.cp.deployment;

import dev.portico.snapshot.DeploymentContent;
import dev.portico.snapshot.Authorizer;
import dev.portico.snapshot.GatewayResponse;
import dev.portico.snapshot.GatewayResponseType;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.Model;
import dev.portico.snapshot.Route;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One deployment with what it froze: its routes, integrations, authorizers and models in the snapshot contract's form. */
public record DeploymentDetail(String id, int version, String description, Instant createdAt, String createdBy,
                               String contentHash, List<Route> routes, List<Integration> integrations,
                               List<Authorizer> authorizers,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Model> models,
                               Map<GatewayResponseType, GatewayResponse> gatewayResponses) {

    static DeploymentDetail of(DeploymentEntity d, DeploymentContent content) {
        return new DeploymentDetail(d.id, d.version, d.description, d.createdAt, d.createdBy, d.contentHash,
                content.routes(), content.integrations(), content.authorizers(), content.models(),
                content.gatewayResponses());
    }
}
