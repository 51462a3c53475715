package dev.portico.bench;

import dev.portico.snapshot.Api;
import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.Deployment;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.MockIntegration;
import dev.portico.snapshot.Route;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.Stage;
import io.vertx.core.http.HttpMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A snapshot with one API whose stage {@value #STAGE} has a chosen number of routes, and the requests
 * the benchmark sends to it. Routes come in families, one per resource {@code r{i}}, that mix what
 * real APIs have: literal paths, a {id} parameter, a greedy {proxy+} and several methods.
 */
final class GeneratedApi {

    static final String API_ID = "bench00001";
    static final String STAGE = "prod";

    /** The routes of resource {@code r{i}}; %d is i. */
    private static final List<String> FAMILY = List.of(
            "GET /r%d/items/{id}",
            "POST /r%d/items",
            "DELETE /r%d/items/{id}",
            "GET /r%d/static/page",
            "ANY /r%d/files/{proxy+}");

    /** Requests a client sends, in the order of FAMILY: each one is answered by the route at the same index. */
    private static final List<Request> HITS = List.of(
            new Request(HttpMethod.GET, "/prod/r%d/items/42"),
            new Request(HttpMethod.POST, "/prod/r%d/items"),
            new Request(HttpMethod.DELETE, "/prod/r%d/items/42"),
            new Request(HttpMethod.GET, "/prod/r%d/static/page"),
            new Request(HttpMethod.PUT, "/prod/r%d/files/docs/a.txt"));

    /** Near misses around a real resource (404s), so the matcher walks and backtracks before it gives up. */
    private static final List<Request> MISSES = List.of(
            new Request(HttpMethod.GET, "/prod/nope/items/42"),
            new Request(HttpMethod.PUT, "/prod/r%d/items"),
            new Request(HttpMethod.GET, "/prod/r%d/items/42/extra"),
            new Request(HttpMethod.GET, "/prod/r%d/static/other"),
            new Request(HttpMethod.GET, "/prod/r%d"));

    /**
     * Requests per batch: one per route of a family, or one per kind of miss. A literal because
     * @OperationsPerInvocation needs a constant; the benchmark checks every batch has this size.
     */
    static final int BATCH = 5;

    private GeneratedApi() {
    }

    /** A request as the node sees it: method and raw (undecoded) path. */
    record Request(HttpMethod method, String rawPath) {
    }

    /** How many resources {@code routes} routes make; whole families only, so every resource has every shape. */
    static int resources(int routes) {
        if (routes < FAMILY.size() || routes % FAMILY.size() != 0) {
            throw new IllegalArgumentException("routes must be a multiple of " + FAMILY.size() + ", got " + routes);
        }
        return routes / FAMILY.size();
    }

    /** A snapshot the control plane could have sent: one API, one stage, {@code routes} routes on one mock. */
    static Snapshot snapshot(int routes) {
        List<Route> list = new ArrayList<>(routes);
        for (int resource = 0; resource < resources(routes); resource++) {
            for (String shape : FAMILY) {
                list.add(new Route("rt" + list.size(), shape.formatted(resource), "mock", AuthorizationType.NONE, false));
            }
        }
        List<Integration> integrations = List.of(new MockIntegration("mock", 200, Map.of(), "{}"));
        Deployment deployment = new Deployment("dep-bench", 1, SnapshotCodec.contentHash(list, integrations),
                list, integrations);
        Api api = new Api(API_ID, "route match benchmark", List.of(new Stage(STAGE, Map.of(), deployment)));
        return Snapshot.of(1, List.of(api));
    }

    /** One request for each route of {@code resource}. */
    static List<Request> hitting(int resource) {
        return HITS.stream().map(r -> new Request(r.method(), r.rawPath().formatted(resource))).toList();
    }

    /** The route key each request of {@link #hitting} must match, in the same order. */
    static List<String> routeKeys(int resource) {
        return FAMILY.stream().map(key -> key.formatted(resource)).toList();
    }

    /** Requests no route answers, around {@code resource}. */
    static List<Request> missingNear(int resource) {
        return MISSES.stream().map(r -> new Request(r.method(), r.rawPath().formatted(resource))).toList();
    }
}
