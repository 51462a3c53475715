package dev.portico.cp.usageplan;

import dev.portico.cp.api.ApiEntity;
import dev.portico.cp.api.Throttle;
import dev.portico.cp.api.Violations;
import dev.portico.cp.deployment.StageEntity;
import dev.portico.snapshot.InvalidRouteKeyException;
import dev.portico.snapshot.RouteKey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the {@code apiStages} of a plan: each names an API and one of its stages, once, and its
 * per-route throttles have route keys that parse and whole throttles.
 */
final class ApiStageCheck {

    private ApiStageCheck() {
    }

    static void check(List<ApiStage> apiStages, Violations violations) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < apiStages.size(); i++) {
            String path = "apiStages[" + i + "]";
            ApiStage apiStage = apiStages.get(i);
            if (apiStage == null) {
                violations.add(path, "must be an object {apiId, stage, throttle?}");
                continue;
            }
            if (exists(apiStage, path, violations)) {
                Integer earlier = seen.putIfAbsent(apiStage.label(), i);
                if (earlier != null) {
                    violations.add(path + ".stage", "repeats apiStages[" + earlier + "] (" + apiStage.label() + ")");
                }
            }
            routeThrottles(apiStage.throttle(), path + ".throttle", violations);
        }
    }

    private static boolean exists(ApiStage apiStage, String path, Violations violations) {
        boolean named = true;
        if (apiStage.apiId() == null || apiStage.apiId().isBlank()) {
            violations.add(path + ".apiId", "is required");
            named = false;
        }
        if (apiStage.stage() == null || apiStage.stage().isBlank()) {
            violations.add(path + ".stage", "is required");
            named = false;
        }
        if (!named) {
            return false;
        }
        if (ApiEntity.findById(apiStage.apiId()) == null) {
            violations.add(path + ".apiId", "there is no API " + apiStage.apiId());
            return false;
        }
        if (StageEntity.count("apiId = ?1 and name = ?2", apiStage.apiId(), apiStage.stage()) == 0) {
            violations.add(path + ".stage", "API " + apiStage.apiId() + " has no stage " + apiStage.stage());
            return false;
        }
        return true;
    }

    private static void routeThrottles(Map<String, Throttle> throttles, String path, Violations violations) {
        if (throttles == null) {
            return;
        }
        throttles.forEach((routeKey, throttle) -> {
            String field = path + "[\"" + routeKey + "\"]";
            try {
                RouteKey.parse(routeKey);
            } catch (InvalidRouteKeyException e) {
                violations.add(field, "is not a route key: " + e.getMessage());
            }
            if (throttle == null) {
                violations.add(field, "must be an object {rateLimit, burstLimit}");
            } else {
                throttle.check(field, violations);
            }
        });
    }
}
