package dev.portico.cp.deployment;

import dev.portico.cp.api.Throttle;
import dev.portico.cp.api.Violations;
import dev.portico.snapshot.InvalidRouteKeyException;
import dev.portico.snapshot.RouteKey;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The throttle settings of a stage: its default {@code throttle} and its {@code routeSettings} per
 * route key. Route keys must parse and may not repeat a shape (two keys that match the same requests
 * would make it a matter of luck which settings apply); whether the stage serves such a route is not
 * checked — settings for a route the deployment lacks simply never apply.
 */
final class StageThrottles {

    private StageThrottles() {
    }

    static void check(Throttle throttle, Map<String, RouteSettings> routeSettings, Violations violations) {
        if (throttle != null && !throttle.none()) {
            throttle.check("throttle", violations);
        }
        if (routeSettings == null) {
            return;
        }
        Map<String, String> keyOfShape = new HashMap<>();
        new TreeMap<>(routeSettings).forEach((routeKey, settings) -> {
            String field = "routeSettings[\"" + routeKey + "\"]";
            try {
                String earlier = keyOfShape.putIfAbsent(RouteKey.parse(routeKey).shape(), routeKey);
                if (earlier != null) {
                    violations.add(field, "matches the same requests as routeSettings[\"" + earlier + "\"]");
                }
            } catch (InvalidRouteKeyException e) {
                violations.add(field, "is not a route key: " + e.getMessage());
            }
            if (settings == null) {
                violations.add(field, "must be an object {throttle?}");
            } else if (settings.throttle() != null) {
                settings.throttle().check(field + ".throttle", violations);
            }
        });
    }

    /** The settings as stored: entries without any setting are dropped. */
    static Map<String, RouteSettings> stored(Map<String, RouteSettings> routeSettings) {
        Map<String, RouteSettings> stored = new TreeMap<>();
        routeSettings.forEach((routeKey, settings) -> {
            if (!settings.isEmpty()) {
                stored.put(routeKey, settings);
            }
        });
        return stored;
    }
}
