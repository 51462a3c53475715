package dev.portico.snapshot;

import java.util.List;
import java.util.Map;

/**
 * The golden snapshots as records: the one place their content is written down.
 * {@link GoldenFilesTest} checks the files against these, and rewrites the files from them when run
 * with {@code -Dgolden.write=true} (after a schema change: the content hashes must come from code).
 */
final class GoldenFixtures {

    private GoldenFixtures() {
    }

    static Snapshot byName(String name) {
        return switch (name) {
            case "empty" -> Snapshot.of(1, List.of());
            case "pets" -> Snapshot.of(7, List.of(pets()));
            case "shop" -> Snapshot.of(12, List.of(pets(), shop()));
            default -> throw new IllegalArgumentException("no golden snapshot " + name);
        };
    }

    private static Api pets() {
        List<Integration> integrations = List.of(
                new HttpProxyIntegration("int-pets", "http://127.0.0.1:9999/pets/{id}", "GET", 29_000, HttpProxyIntegration.Tls.VERIFY),
                new MockIntegration("int-ping", 200, Map.of("Content-Type", "application/json"), "{\"pong\":true}"));
        List<Route> routes = List.of(route("rt-pets", "GET /pets/{id}", "int-pets"), route("rt-ping", "GET /ping", "int-ping"));
        return new Api("k3x9q2m7ab", "pets", List.of(new Stage("prod", Map.of(), deployment("dep-pets-1", 1, routes, integrations))));
    }

    private static Api shop() {
        Integration files = new HttpProxyIntegration("int-files", "http://${stageVariables.host}/files/{proxy}", "ANY", 5_000,
                HttpProxyIntegration.Tls.VERIFY);
        Integration fallback = new MockIntegration("int-fallback", 404, Map.of(), "{\"message\":\"nothing here\"}");
        Route filesRoute = route("rt-files", "ANY /files/{proxy+}", "int-files");
        Route defaultRoute = route("rt-default", "$default", "int-fallback");
        return new Api("shop000001", "shop", List.of(
                new Stage("$default", Map.of("host", "127.0.0.1:9998"),
                        deployment("dep-shop-2", 2, List.of(filesRoute, defaultRoute), List.of(files, fallback))),
                new Stage("dev", Map.of("host", "127.0.0.1:9997"),
                        deployment("dep-shop-1", 1, List.of(filesRoute), List.of(files)))));
    }

    private static Route route(String id, String key, String integrationId) {
        return new Route(id, key, integrationId, AuthorizationType.NONE, false);
    }

    private static Deployment deployment(String id, int version, List<Route> routes, List<Integration> integrations) {
        return new Deployment(id, version, SnapshotCodec.contentHash(routes, integrations), routes, integrations);
    }
}
