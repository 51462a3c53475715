package dev.portico.cp.snapshot;

import dev.portico.snapshot.DeploymentContent;
import dev.portico.snapshot.Cors;
import dev.portico.snapshot.Throttle;

import java.util.Map;

/**
 * One live stage as the database holds it: an input of {@link SnapshotCompiler}.
 *
 * @param apiCors        the API's CORS settings (live, not part of the deployment); null for none
 * @param throttle       the stage's default throttle of each route; null for none
 * @param routeThrottles per route key, the throttle of the stage's route settings
 * @param content        the routes, integrations and authorizers of the deployment the stage points at
 */
public record DeployedStage(String apiId, String apiName, Cors apiCors, String stageName,
                            Map<String, String> variables, Throttle throttle, Map<String, Throttle> routeThrottles,
                            String deploymentId, int deploymentVersion, DeploymentContent content) {
}
