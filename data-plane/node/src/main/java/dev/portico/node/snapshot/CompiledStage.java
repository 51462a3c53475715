package dev.portico.node.snapshot;

import dev.portico.node.pipeline.GatewayAnswers;
import dev.portico.node.protect.CompiledKey;
import dev.portico.node.protect.KeyGrant;
import dev.portico.node.routing.RouteTable;

import java.util.Map;

/**
 * A stage of an API with its deployment's routes compiled into one matcher, and, by key id, the
 * grant of every enabled key whose usage plan covers this stage, and the gateway's own answers as
 * the deployment customised them.
 */
public record CompiledStage(String name, String deploymentId, RouteTable<CompiledRoute> routes,
                            Map<String, KeyGrant> grants, GatewayAnswers answers) {

    public CompiledStage {
        grants = Map.copyOf(grants);
        answers = answers == null ? GatewayAnswers.BUILT_IN : answers;
    }

    public CompiledStage(String name, String deploymentId, RouteTable<CompiledRoute> routes,
                         Map<String, KeyGrant> grants) {
        this(name, deploymentId, routes, grants, GatewayAnswers.BUILT_IN);
    }

    /** What {@code key} may do here, or null when none of its plans covers this stage. */
    public KeyGrant grant(CompiledKey key) {
        return grants.get(key.id());
    }
}
