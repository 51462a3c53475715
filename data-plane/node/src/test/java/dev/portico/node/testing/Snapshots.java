package dev.portico.node.testing;

import dev.portico.node.protect.KeyHash;
import dev.portico.snapshot.Api;
import dev.portico.snapshot.ApiKey;
import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.Authorizer;
import dev.portico.snapshot.Cors;
import dev.portico.snapshot.Deployment;
import dev.portico.snapshot.HttpProxyIntegration;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.MockIntegration;
import dev.portico.snapshot.PlanStage;
import dev.portico.snapshot.Quota;
import dev.portico.snapshot.Route;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.Stage;
import dev.portico.snapshot.Throttle;
import dev.portico.snapshot.UsagePlan;

import java.util.List;
import java.util.Map;

/** Builds valid snapshots for tests (content hashes computed, as the control plane would). */
public final class Snapshots {

    private Snapshots() {
    }

    public static Snapshot snapshot(long revision, Api... apis) {
        return Snapshot.of(revision, List.of(apis));
    }

    public static Snapshot snapshot(long revision, List<Api> apis, List<ApiKey> keys, List<UsagePlan> plans) {
        return Snapshot.of(revision, apis, keys, plans);
    }

    public static Api api(String id, Stage... stages) {
        return new Api(id, id, List.of(stages));
    }

    /** An API that answers CORS as {@code cors} says. */
    public static Api api(String id, Cors cors, Stage... stages) {
        return new Api(id, id, cors, List.of(stages));
    }

    public static Stage stage(String name, List<Route> routes, List<Integration> integrations) {
        return stage(name, Map.of(), routes, integrations);
    }

    public static Stage stage(String name, Map<String, String> variables, List<Route> routes,
                              List<Integration> integrations) {
        String hash = SnapshotCodec.contentHash(routes, integrations);
        return new Stage(name, variables, new Deployment("dep-" + name, 1, hash, routes, integrations));
    }

    /** A stage whose deployment has authorizers. */
    public static Stage stage(String name, Map<String, String> variables, List<Route> routes,
                              List<Integration> integrations, List<Authorizer> authorizers) {
        String hash = SnapshotCodec.contentHash(routes, integrations, authorizers);
        return new Stage(name, variables, new Deployment("dep-" + name, 1, hash, routes, integrations, authorizers));
    }

    /** A route checked by authorizer {@code authorizerId} of {@code type} (and, if listed, needing one of the scopes). */
    public static Route authorizedRoute(String routeKey, String integrationId, AuthorizationType type,
                                        String authorizerId, boolean apiKeyRequired, String... scopes) {
        return new Route("rt-" + Math.abs(routeKey.hashCode()), routeKey, integrationId, type, authorizerId,
                List.of(scopes), apiKeyRequired);
    }

    /** A stage with a default throttle for each route and per-route throttles. */
    public static Stage stage(String name, Throttle throttle, Map<String, Throttle> routeThrottles, List<Route> routes,
                              List<Integration> integrations) {
        Stage plain = stage(name, routes, integrations);
        return new Stage(name, Map.of(), throttle, routeThrottles, plain.deployment());
    }

    /** A route that requires an API key. */
    public static Route keyedRoute(String routeKey, String integrationId) {
        return new Route("rt-" + Math.abs(routeKey.hashCode()), routeKey, integrationId, AuthorizationType.NONE, true);
    }

    /** A key whose value is {@code value} (only its hash goes into the snapshot, as the control plane does it). */
    public static ApiKey key(String id, String value, boolean enabled, String... planIds) {
        return new ApiKey(id, KeyHash.of(value), enabled, List.of(planIds));
    }

    public static UsagePlan plan(String id, Throttle throttle, Quota quota, PlanStage... stages) {
        return new UsagePlan(id, throttle, quota, List.of(stages));
    }

    public static Throttle throttle(double rate, int burst) {
        return new Throttle(rate, burst);
    }

    public static Route route(String routeKey, String integrationId) {
        return new Route("rt-" + Math.abs(routeKey.hashCode()), routeKey, integrationId, AuthorizationType.NONE, false);
    }

    public static HttpProxyIntegration proxy(String id, String uri) {
        return new HttpProxyIntegration(id, uri, "ANY", 0, null);
    }

    public static HttpProxyIntegration proxy(String id, String uri, String method, int timeoutMillis) {
        return new HttpProxyIntegration(id, uri, method, timeoutMillis, null);
    }

    /** A proxy (any method) whose request the gateway changes as {@code requestParameters} say. */
    public static HttpProxyIntegration mappedProxy(String id, String uri, Map<String, String> requestParameters) {
        return new HttpProxyIntegration(id, uri, "ANY", 0, null, requestParameters);
    }

    public static MockIntegration mock(String id, int status, String body) {
        return new MockIntegration(id, status, Map.of("Content-Type", "application/json"), body);
    }
}
