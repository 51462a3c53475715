package dev.portico.cp.deployment;

import dev.portico.cp.api.Throttle;

import java.time.Instant;
import java.util.Map;

/**
 * A stage as the admin API shows it. {@code deploymentId}/{@code deploymentVersion} are null while
 * the stage serves nothing; {@code throttle} is null when the stage has none; {@code revision} is
 * also its ETag.
 */
public record StageView(String name, String deploymentId, Integer deploymentVersion, String description,
                        Map<String, String> variables, Throttle throttle, Map<String, RouteSettings> routeSettings,
                        long revision, Instant createdAt, Instant updatedAt, String invokeUrl) {

    static StageView of(StageEntity s, Integer deploymentVersion, InvokeUrls urls) {
        return new StageView(s.name, s.deploymentId, deploymentVersion, s.description, s.variables, s.throttle(),
                s.routeSettings, s.revision, s.createdAt, s.updatedAt, InvokeUrls.of(urls, s.apiId, s.name));
    }
}
