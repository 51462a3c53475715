package dev.portico.cp.deployment;

import dev.portico.cp.api.Throttle;
import dev.portico.cp.api.Violations;
import dev.portico.snapshot.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The bodies of the deployment and stage endpoints, and their rules. */
public final class DeploymentRequests {

    public static final int MAX_TEXT = 1024;
    public static final int MAX_VARIABLE_VALUE = 2048;

    private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    // Amazon API Gateway's rule: values end up in URIs
    private static final Pattern VARIABLE_VALUE = Pattern.compile("[A-Za-z0-9\\-._~:/?#&=,%]*");

    private DeploymentRequests() {
    }

    /** POST …/deployments {@code {stageName?, description?}}. */
    public record Deploy(String stageName, String description) {
        void validate() {
            Violations violations = new Violations().text("description", description, MAX_TEXT, false);
            if (stageName != null) {
                checkStageName(violations, "stageName", stageName);
            }
            violations.throwIfAny();
        }
    }

    /** POST …/stages {@code {name, deploymentId?, description?, variables?, throttle?, routeSettings?}}. */
    public record CreateStage(String name, String deploymentId, String description, Map<String, String> variables,
                              Throttle throttle, Map<String, RouteSettings> routeSettings) {
        Violations check() {
            Violations violations = new Violations().text("description", description, MAX_TEXT, false);
            if (name == null) {
                violations.add("name", "is required");
            } else {
                checkStageName(violations, "name", name);
            }
            checkVariables(violations, variables);
            StageThrottles.check(throttle, routeSettings, violations);
            return violations;
        }
    }

    /**
     * PATCH …/stages/{stage}: absent (or null) fields keep their value; variables and routeSettings
     * are replaced as a whole, {@code "throttle": {}} removes the stage throttle.
     */
    public record PatchStage(String deploymentId, String description, Map<String, String> variables,
                             Throttle throttle, Map<String, RouteSettings> routeSettings) {
        Violations check() {
            Violations violations = new Violations().text("description", description, MAX_TEXT, false);
            checkVariables(violations, variables);
            StageThrottles.check(throttle, routeSettings, violations);
            return violations;
        }

        /** The fields this PATCH sets, for the audit log. */
        List<String> named() {
            List<String> named = new ArrayList<>();
            addIf(named, "deploymentId", deploymentId);
            addIf(named, "description", description);
            addIf(named, "variables", variables);
            addIf(named, "throttle", throttle);
            addIf(named, "routeSettings", routeSettings);
            return named;
        }

        private static void addIf(List<String> named, String field, Object value) {
            if (value != null) {
                named.add(field);
            }
        }
    }

    /** POST …/stages/{stage}/rollback {@code {deploymentId?, reason?}}. */
    public record Rollback(String deploymentId, String reason) {
        Violations check() {
            return new Violations().text("reason", reason, MAX_TEXT, false);
        }
    }

    static void checkStageName(Violations violations, String field, String name) {
        if (!Stage.DEFAULT.equals(name) && !STAGE_NAME.matcher(name).matches()) {
            violations.add(field, "must be $default or 1 to 128 of A-Z a-z 0-9 _ -");
        }
    }

    private static void checkVariables(Violations violations, Map<String, String> variables) {
        if (variables == null) {
            return;
        }
        variables.forEach((name, value) -> {
            String field = "variables." + name;
            if (!VARIABLE_NAME.matcher(name).matches()) {
                violations.add(field, "variable names are 1 to 64 of A-Z a-z 0-9 _");
            } else if (value == null) {
                violations.add(field, "must be a string");
            } else if (value.length() > MAX_VARIABLE_VALUE) {
                violations.add(field, "must be at most " + MAX_VARIABLE_VALUE + " characters");
            } else if (!VARIABLE_VALUE.matcher(value).matches()) {
                violations.add(field, "may only contain A-Z a-z 0-9 and - . _ ~ : / ? # & = , %");
            }
        });
    }
}
