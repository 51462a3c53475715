package dev.portico.node.testing;

import dev.portico.snapshot.Api;
import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.Deployment;
import dev.portico.snapshot.HttpProxyIntegration;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.MockIntegration;
import dev.portico.snapshot.Route;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.Stage;

import java.util.List;
import java.util.Map;

/** Builds valid snapshots for tests (content hashes computed, as the control plane would). */
public final class Snapshots {

    private Snapshots() {
    }

    public static Snapshot snapshot(long revision, Api... apis) {
        return Snapshot.of(revision, List.of(apis));
    }

    public static Api api(String id, Stage... stages) {
        return new Api(id, id, List.of(stages));
    }

    public static Stage stage(String name, List<Route> routes, List<Integration> integrations) {
        return stage(name, Map.of(), routes, integrations);
    }

    public static Stage stage(String name, Map<String, String> variables, List<Route> routes,
                              List<Integration> integrations) {
        String hash = SnapshotCodec.contentHash(routes, integrations);
        return new Stage(name, variables, new Deployment("dep-" + name, 1, hash, routes, integrations));
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

    public static MockIntegration mock(String id, int status, String body) {
        return new MockIntegration(id, status, Map.of("Content-Type", "application/json"), body);
    }
}
