package dev.portico.snapshot;

import java.util.Map;

/**
 * A named stage of an API and the deployment it points at.
 *
 * @param name       "prod", "dev", "$default", …
 * @param variables  stage variables, usable in integration URIs as {@code ${stageVariables.name}}
 * @param deployment the frozen routes and integrations this stage serves
 */
public record Stage(String name, Map<String, String> variables, Deployment deployment) {

    public static final String DEFAULT = "$default";

    public Stage {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
