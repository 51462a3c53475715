package dev.portico.cp.deployment;

import dev.portico.snapshot.DeploymentContent;
import dev.portico.cp.api.AuthorizerEntity;
import dev.portico.cp.api.GatewayResponseEntity;
import dev.portico.cp.api.IntegrationEntity;
import dev.portico.cp.api.ModelEntity;
import dev.portico.cp.api.RouteEntity;

import java.util.List;

/** An API's draft in the form a deployment freezes it. */
final class Draft {

    private Draft() {
    }

    static DeploymentContent content(String apiId) {
        return new DeploymentContent(
                RouteEntity.<RouteEntity>list("apiId", apiId).stream().map(RouteEntity::toContract).toList(),
                IntegrationEntity.<IntegrationEntity>list("apiId", apiId).stream()
                        .map(IntegrationEntity::toContract).toList(),
                AuthorizerEntity.<AuthorizerEntity>list("apiId", apiId).stream()
                        .map(AuthorizerEntity::toContract).toList(),
                ModelEntity.<ModelEntity>list("apiId", apiId).stream().map(ModelEntity::toContract).toList(),
                GatewayResponseEntity.ofApi(apiId));
    }
}
