package dev.portico.cp.snapshot;

import dev.portico.cp.deployment.DeploymentContent;
import dev.portico.snapshot.Throttle;

import java.util.Map;

/**
 * One live stage as the database holds it: an input of {@link SnapshotCompiler}.
 *
 * @param throttle       the stage's default throttle of each route; null for none
 * @param routeThrottles per route key, the throttle of the stage's route settings
 * @param content        the routes and integrations of the deployment the stage points at
 */
public record DeployedStage(String apiId, String apiName, String stageName, Map<String, String> variables,
                            Throttle throttle, Map<String, Throttle> routeThrottles,
                            String deploymentId, int deploymentVersion, DeploymentContent content) {
}
