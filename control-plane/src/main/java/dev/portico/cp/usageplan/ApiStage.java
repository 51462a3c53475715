package dev.portico.cp.usageplan;

import dev.portico.cp.api.Throttle;

import java.util.Map;

/**
 * An API stage a plan covers, with throttles per route key that override the plan's for those
 * routes. The route keys must parse; whether the stage serves such a route is not checked.
 */
public record ApiStage(String apiId, String stage, Map<String, Throttle> throttle) {

    /** "apiId/stage", how messages name an API stage. */
    String label() {
        return apiId + "/" + stage;
    }
}
