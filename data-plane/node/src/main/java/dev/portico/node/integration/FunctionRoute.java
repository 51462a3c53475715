package dev.portico.node.integration;

import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.RouteKey;
import dev.portico.snapshot.Stage;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a function's event says about its route and stage, worked out once when the snapshot is
 * compiled: nothing here is looked up or rendered per request.
 *
 * @param resourcePath       the route's path pattern ({@code /pets/{id}}), {@code $default} for the default route
 * @param stagePrefix        what the stage adds in front of the routed path ({@code /prod}; empty for $default)
 * @param stageVariablesJson the stage variables as a JSON object (sorted by name), or null when there are none
 */
public record FunctionRoute(String apiId, String stage, String routeId, String routeKey, String resourcePath,
                            String stagePrefix, AuthorizationType authorization, String stageVariablesJson) {

    public static FunctionRoute of(String apiId, String stageName, String routeId, RouteKey key,
                                   AuthorizationType authorization, Map<String, String> stageVariables) {
        String resource = key.isDefault() ? RouteKey.DEFAULT : key.toString().substring(key.method().length() + 1);
        String prefix = Stage.DEFAULT.equals(stageName) ? "" : "/" + stageName;
        String variables = stageVariables.isEmpty() ? null : new JsonObject(new TreeMap<String, Object>(stageVariables)).encode();
        return new FunctionRoute(apiId, stageName, routeId, key.toString(), resource, prefix,
                authorization == null ? AuthorizationType.NONE : authorization, variables);
    }

    /** The path the route matched: the request's path without the stage segment. */
    String routedPath(String rawPath) {
        if (stagePrefix.isEmpty() || !rawPath.startsWith(stagePrefix)) {
            return rawPath;
        }
        String rest = rawPath.substring(stagePrefix.length());
        if (rest.isEmpty()) {
            return "/";
        }
        return rest.charAt(0) == '/' ? rest : rawPath;
    }
}
