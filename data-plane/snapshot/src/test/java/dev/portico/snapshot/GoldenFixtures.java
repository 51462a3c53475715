package dev.portico.snapshot;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
            case "pets" -> Snapshot.of(7, List.of(pets()), keys(), plans());
            case "shop" -> Snapshot.of(12, List.of(pets(), shop()), keys(), plans());
            case "orders" -> Snapshot.of(15, List.of(orders()));
            case "functions" -> Snapshot.of(21, List.of(functions()));
            case "shaping" -> Snapshot.of(22, List.of(shaping()));
            default -> throw new IllegalArgumentException("no golden snapshot " + name);
        };
    }

    private static Api pets() {
        List<Integration> integrations = List.of(
                new HttpProxyIntegration("int-pets", "http://127.0.0.1:9999/pets/{id}", "GET", 29_000, HttpProxyIntegration.Tls.VERIFY),
                new MockIntegration("int-ping", 200, Map.of("Content-Type", "application/json"), "{\"pong\":true}"));
        List<Route> routes = List.of(new Route("rt-pets", "GET /pets/{id}", "int-pets", AuthorizationType.NONE, true),
                route("rt-ping", "GET /ping", "int-ping"));
        Stage prod = new Stage("prod", Map.of(), new Throttle(1000, 2000), Map.of("GET /ping", new Throttle(50, 100)),
                deployment("dep-pets-1", 1, routes, integrations));
        return new Api("k3x9q2m7ab", "pets", List.of(prod));
    }

    /** Key A in free, key B in pro, key C disabled and in no plan (the issue's scenario). */
    private static List<ApiKey> keys() {
        return List.of(
                new ApiKey("keyaaaaaaa", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", true, List.of("planfree01")),
                new ApiKey("keybbbbbbb", "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", true, List.of("planpro001")),
                new ApiKey("keyccccccc", "fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13", false, List.of()));
    }

    private static List<UsagePlan> plans() {
        PlanStage petsProd = new PlanStage("k3x9q2m7ab", "prod", Map.of());
        return List.of(
                new UsagePlan("planfree01", new Throttle(5, 5), new Quota(100, QuotaPeriod.DAY, 0), List.of(petsProd)),
                new UsagePlan("planpro001", new Throttle(1000, 2000), new Quota(1_000_000, QuotaPeriod.MONTH, 0),
                        List.of(new PlanStage("k3x9q2m7ab", "prod", Map.of("GET /pets/{id}", new Throttle(500, 500))))));
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

    /** Schema 1.2: CORS, a JWT and a custom authorizer, scopes and a header mapped from a claim. */
    private static Api orders() {
        Integration orders = new HttpProxyIntegration("int-orders", "http://127.0.0.1:9994/orders", "ANY", 29_000,
                HttpProxyIntegration.Tls.VERIFY, Map.of("overwrite:header.X-User", "$context.authorizer.claims.sub",
                "remove:header.Cookie", ""));
        List<Authorizer> authorizers = List.of(
                new JwtAuthorizer("authjwt001", "issuer", "http://127.0.0.1:9996/realms/shop", List.of("orders-api"),
                        null, JwtAuthorizer.DEFAULT_IDENTITY_SOURCE),
                new CustomAuthorizer("authcus001", "gatekeeper", "http://127.0.0.1:9995/authorize",
                        List.of("$request.header.Authorization"), 300, 2_000, true, "2.0"));
        List<Route> routes = List.of(
                new Route("rt-orders-get", "GET /orders", "int-orders", AuthorizationType.JWT, "authjwt001",
                        List.of("orders:read"), false),
                new Route("rt-orders-post", "POST /orders", "int-orders", AuthorizationType.CUSTOM, "authcus001",
                        List.of(), true));
        Deployment deployment = new Deployment("dep-orders-1", 1,
                SnapshotCodec.contentHash(routes, List.of(orders), authorizers), routes, List.of(orders), authorizers);
        Cors cors = new Cors(List.of("https://app.example.com", "https://*.example.org"), List.of("GET", "POST"),
                List.of("Authorization", "Content-Type"), List.of("X-Request-Id"), 600, true);
        return new Api("ordersapi1", "orders", cors, List.of(new Stage("prod", Map.of(), deployment)));
    }

    /** Schema 1.3: FUNCTION integrations of both payload versions, a model and request validation. */
    private static Api functions() {
        List<Integration> integrations = List.of(
                new FunctionIntegration("int-fn-v1", "http://127.0.0.1:9993/2015-03-31/functions/pets-v1/invocations",
                        FunctionIntegration.VERSION_1, 29_000),
                new FunctionIntegration("int-fn-v2", "http://127.0.0.1:9993/2015-03-31/functions/pets-v2/invocations",
                        FunctionIntegration.VERSION_2, 3_000));
        ObjectNode schema = JsonNodeFactory.instance.objectNode()
                .put("$schema", "http://json-schema.org/draft-04/schema#")
                .put("type", "object");
        schema.putArray("required").add("name");
        schema.putObject("properties").putObject("name").put("type", "string").put("minLength", 1);
        List<Model> models = List.of(new Model("mdl-pet01", "Pet", schema));
        List<Route> routes = List.of(
                new Route("rt-fn-get", "GET /pets/{id}", "int-fn-v1", AuthorizationType.NONE, null, List.of(), false,
                        new RequestValidation(null, List.of("path.id", "header.X-Tenant"))),
                new Route("rt-fn-post", "POST /pets", "int-fn-v2", AuthorizationType.NONE, null, List.of(), false,
                        new RequestValidation("Pet", List.of("querystring.store"))));
        DeploymentContent content = new DeploymentContent(routes, integrations, List.of(), models, Map.of());
        Deployment deployment = new Deployment("dep-fn-1", 1, SnapshotCodec.contentHash(content), content);
        return new Api("fnapi00001", "functions", List.of(new Stage("prod", Map.of("tier", "gold"), deployment)));
    }

    /** Schema 1.3: response parameter mapping and gateway responses. */
    private static Api shaping() {
        Integration backend = new HttpProxyIntegration("int-shaped", "http://127.0.0.1:9992/items", "ANY", 29_000,
                HttpProxyIntegration.Tls.VERIFY, Map.of(), Map.of(
                        "200", Map.of("append:header.X-Served-By", "$context.stage",
                                "overwrite:header.X-Item-Name", "$response.body.name"),
                        "404", Map.of("overwrite:statuscode", "410", "remove:header.Server", "")));
        List<Route> routes = List.of(new Route("rt-items", "ANY /items", "int-shaped", AuthorizationType.NONE, true));
        Map<GatewayResponseType, GatewayResponse> responses = Map.of(
                GatewayResponseType.INVALID_API_KEY, new GatewayResponse(401, Map.of("WWW-Authenticate", "ApiKey"),
                        "{\"error\":\"$context.error.message\",\"requestId\":\"$context.requestId\"}"),
                GatewayResponseType.DEFAULT_5XX, new GatewayResponse(null, Map.of("Retry-After", "5"), null));
        DeploymentContent content = new DeploymentContent(routes, List.of(backend), List.of(), List.of(), responses);
        Deployment deployment = new Deployment("dep-shaped-1", 1, SnapshotCodec.contentHash(content), content);
        return new Api("shapeapi01", "shaping", List.of(new Stage("prod", Map.of(), deployment)));
    }

    private static Route route(String id, String key, String integrationId) {
        return new Route(id, key, integrationId, AuthorizationType.NONE, false);
    }

    private static Deployment deployment(String id, int version, List<Route> routes, List<Integration> integrations) {
        return new Deployment(id, version, SnapshotCodec.contentHash(routes, integrations), routes, integrations);
    }
}
