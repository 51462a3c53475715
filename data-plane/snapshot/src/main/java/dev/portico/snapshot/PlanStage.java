package dev.portico.snapshot;

import java.util.Map;

/**
 * An API stage a usage plan covers.
 *
 * @param throttle per route key, a throttle that replaces the plan's for that route
 */
public record PlanStage(String apiId, String stage, Map<String, Throttle> throttle) {

    public PlanStage {
        throttle = throttle == null ? Map.of() : Map.copyOf(throttle);
    }

    String label() {
        return apiId + "/" + stage;
    }
}
