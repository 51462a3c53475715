package dev.portico.node.snapshot;

import dev.portico.node.authorize.RouteAuthorization;
import dev.portico.node.integration.IntegrationTarget;
import dev.portico.node.observe.NodeMetrics;
import dev.portico.node.observe.RouteMeters;
import dev.portico.node.protect.RouteThrottle;
import dev.portico.node.routing.ParamSlot;
import dev.portico.node.validate.RouteValidation;

import java.util.List;

/**
 * A route compiled for one stage: its key, where its parameters sit, its integration ready to call,
 * its authorizer (null when none), whether it needs an API key, the bucket it shares with every client (null when unthrottled)
 * and its request validation (null when none).
 */
public final class CompiledRoute {

    private final String id;
    private final String routeKey;
    private final List<ParamSlot> params;
    private final IntegrationTarget integration;
    private final String apiId;
    private final String stageName;
    private final boolean apiKeyRequired;
    private final RouteThrottle throttle;
    private final RouteAuthorization authorization;
    private final RouteValidation validation;
    /** Per-route meters, made on first use: most of a big API's routes may never be called. */
    private volatile RouteMeters meters;

    public CompiledRoute(String id, String routeKey, List<ParamSlot> params, IntegrationTarget integration,
                         String apiId, String stageName, boolean apiKeyRequired, RouteThrottle throttle,
                         RouteAuthorization authorization) {
        this(id, routeKey, params, integration, apiId, stageName, apiKeyRequired, throttle, authorization, null);
    }

    public CompiledRoute(String id, String routeKey, List<ParamSlot> params, IntegrationTarget integration,
                         String apiId, String stageName, boolean apiKeyRequired, RouteThrottle throttle,
                         RouteAuthorization authorization, RouteValidation validation) {
        this.id = id;
        this.routeKey = routeKey;
        this.params = params;
        this.integration = integration;
        this.apiId = apiId;
        this.stageName = stageName;
        this.apiKeyRequired = apiKeyRequired;
        this.throttle = throttle;
        this.authorization = authorization;
        this.validation = validation;
    }

    public String id() {
        return id;
    }

    public String routeKey() {
        return routeKey;
    }

    public List<ParamSlot> params() {
        return params;
    }

    public IntegrationTarget integration() {
        return integration;
    }

    /** The route's JWT or custom authorizer, compiled for this stage; null when the route has none. */
    public RouteAuthorization authorization() {
        return authorization;
    }

    /** The route's required parameters and body model, compiled; null when the route validates nothing. */
    public RouteValidation validation() {
        return validation;
    }

    public boolean apiKeyRequired() {
        return apiKeyRequired;
    }

    /** The route's (or its stage's default) throttle; null when neither is set. */
    public RouteThrottle throttle() {
        return throttle;
    }

    /** The route's meters, made on first call (two threads may race to make them; both get the same meters). */
    public RouteMeters meters(NodeMetrics metrics) {
        RouteMeters made = meters;
        if (made == null) {
            made = metrics.routeMeters(apiId, stageName, routeKey);
            meters = made;
        }
        return made;
    }
}
