package dev.portico.snapshot;

import java.util.Map;

/**
 * A named stage of an API and the deployment it points at.
 *
 * @param name           "prod", "dev", "$default", …
 * @param variables      stage variables, usable in integration URIs as {@code ${stageVariables.name}}
 * @param throttle       the default throttle of each route of the stage; null for none
 * @param routeThrottles per route key, a throttle that replaces the stage default for that route
 * @param deployment     the frozen routes and integrations this stage serves
 */
public record Stage(String name, Map<String, String> variables, Throttle throttle,
                   Map<String, Throttle> routeThrottles, Deployment deployment) {

    public static final String DEFAULT = "$default";

    public Stage {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        routeThrottles = routeThrottles == null ? Map.of() : Map.copyOf(routeThrottles);
    }

    /** A stage without throttles. */
    public Stage(String name, Map<String, String> variables, Deployment deployment) {
        this(name, variables, null, null, deployment);
    }
}
