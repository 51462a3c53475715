package dev.portico.cp.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portico.cp.api.Throttle;

/**
 * A stage's settings for one of its routes, keyed by route key in the stage's
 * {@code routeSettings}. Kept on the stage, not the route, so that they change without a deployment
 * (as in Amazon API Gateway HTTP APIs).
 *
 * @param throttle replaces the stage's default throttle for this route; null for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteSettings(Throttle throttle) {

    /** Null or {@code {}} as a throttle means none. */
    public RouteSettings {
        throttle = throttle == null || throttle.none() ? null : throttle;
    }

    boolean isEmpty() {
        return throttle == null;
    }
}
