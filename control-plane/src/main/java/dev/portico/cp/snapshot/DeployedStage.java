package dev.portico.cp.snapshot;

import dev.portico.cp.deployment.DeploymentContent;

import java.util.Map;

/**
 * One live stage as the database holds it: the input of {@link SnapshotCompiler}.
 *
 * @param content the routes and integrations of the deployment the stage points at
 */
public record DeployedStage(String apiId, String apiName, String stageName, Map<String, String> variables,
                            String deploymentId, int deploymentVersion, DeploymentContent content) {
}
