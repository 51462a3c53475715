package dev.portico.node.authorize;

import dev.portico.node.routing.ParamSlot;

import java.util.List;
import java.util.Map;

/** What a route's authorizer knows of where it runs, fixed when the snapshot is compiled. */
public record RouteContext(String apiId, String stage, String routeKey, Map<String, String> stageVariables,
                           List<ParamSlot> params) {

    public RouteContext {
        stageVariables = stageVariables == null ? Map.of() : Map.copyOf(stageVariables);
        params = List.copyOf(params);
    }
}
