package dev.portico.cp.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.portico.cp.api.AdminCalls.badFields;
import static dev.portico.cp.api.AdminCalls.count;
import static dev.portico.cp.api.AdminCalls.createApi;
import static dev.portico.cp.api.AdminCalls.createHttpIntegration;
import static dev.portico.cp.api.AdminCalls.createRoute;
import static dev.portico.cp.api.AdminCalls.delete;
import static dev.portico.cp.api.AdminCalls.get;
import static dev.portico.cp.api.AdminCalls.patch;
import static dev.portico.cp.api.AdminCalls.post;
import static dev.portico.cp.api.AdminCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class RouteResourceIT {

    @Test
    void createsARouteWithDefaults() {
        String api = createApi("routes");
        String integration = createHttpIntegration(api, "http://127.0.0.1:9999/pets/{id}");
        String id = createRoute(api, "GET /pets/{id}", integration);
        get(api, "/routes/" + id).statusCode(200).header("ETag", "\"1\"")
                .body("routeKey", equalTo("GET /pets/{id}"))
                .body("integrationId", equalTo(integration))
                .body("authorizationType", equalTo("NONE"))
                .body("apiKeyRequired", equalTo(false));
        get(api, "").body("revision", equalTo(3));
    }

    @Test
    void invalidRouteKeysAreNamedWithTheGrammarsMessage() {
        String api = createApi("bad-keys");
        String integration = createHttpIntegration(api, "http://127.0.0.1:9999");
        post(api, "/routes", Map.of("routeKey", "GET pets", "integrationId", integration))
                .statusCode(400).body("errors[0].field", equalTo("routeKey"))
                .body("errors[0].message", containsString("must start with \"/\""));
        post(api, "/routes", Map.of("routeKey", "ANY /{proxy+}/x", "integrationId", integration))
                .statusCode(400).body("errors[0].field", equalTo("routeKey"))
                .body("errors[0].message", containsString("must be the last segment"));
        assertThat(badFields(post(api, "/routes", Map.of("routeKey", "get /x", "integrationId", integration))))
                .containsExactly("routeKey");
        assertThat(count(api, "routes")).isZero();
    }

    @Test
    void namesEveryBadFieldAndSavesNothing() {
        String api = createApi("bad-routes");
        assertThat(badFields(post(api, "/routes", Map.of("routeKey", "GET /a//b", "integrationId", "nosuchone0",
                "authorizationType", "JWT", "apiKeyRequired", true))))
                .containsExactly("routeKey", "integrationId", "authorizerId");
        post(api, "/routes", Map.of("routeKey", "GET /a", "integrationId", "x", "authorizationType", "CUSTOM",
                "authorizerId", "nosuchone0"))
                .body("errors.message", contains(containsString("no integration"), containsString("no authorizer")));
        assertThat(badFields(post(api, "/routes", Map.of("authorizationType", "BASIC"))))
                .containsExactly("routeKey", "integrationId", "authorizationType");
        assertThat(count(api, "routes")).isZero();
        get(api, "").body("revision", equalTo(1));
    }

    @Test
    void jwtAndCustomRoutesNameAnAuthorizerOfTheirTypeWithScopesForJwtOnly() {
        String api = createApi("authorized-routes");
        String integration = createHttpIntegration(api, "http://127.0.0.1:9999");
        String jwt = post(api, "/authorizers", AuthorizerResourceIT.JWT).statusCode(201).extract().path("id");
        String custom = post(api, "/authorizers", AuthorizerResourceIT.CUSTOM).statusCode(201).extract().path("id");
        String other = createApi("other-api");
        String foreign = post(other, "/authorizers", AuthorizerResourceIT.JWT).statusCode(201).extract().path("id");
        long revision = get(api, "").extract().jsonPath().getLong("revision");

        assertThat(badFields(post(api, "/routes", Map.of("routeKey", "GET /a", "integrationId", integration,
                "authorizationType", "JWT", "authorizerId", custom)))).containsExactly("authorizerId");
        assertThat(badFields(post(api, "/routes", Map.of("routeKey", "GET /a", "integrationId", integration,
                "authorizationType", "JWT", "authorizerId", foreign)))).containsExactly("authorizerId");
        assertThat(badFields(post(api, "/routes", Map.of("routeKey", "GET /a", "integrationId", integration,
                "authorizationType", "NONE", "authorizerId", jwt)))).containsExactly("authorizerId");
        assertThat(badFields(post(api, "/routes", Map.of("routeKey", "GET /a", "integrationId", integration,
                "authorizerId", jwt)))).containsExactly("authorizerId");
        assertThat(badFields(post(api, "/routes", Map.of("routeKey", "GET /a", "integrationId", integration,
                "authorizationType", "CUSTOM", "authorizerId", custom, "authorizationScopes", List.of("read")))))
                .containsExactly("authorizationScopes");
        assertThat(badFields(post(api, "/routes", Map.of("routeKey", "GET /a", "integrationId", integration,
                "authorizationType", "JWT", "authorizerId", jwt, "authorizationScopes", List.of("two words")))))
                .containsExactly("authorizationScopes");
        assertThat(count(api, "routes")).isZero();
        get(api, "").body("revision", equalTo((int) revision));

        String read = post(api, "/routes", Map.of("routeKey", "GET /orders", "integrationId", integration,
                "authorizationType", "JWT", "authorizerId", jwt, "authorizationScopes", List.of("orders:read")))
                .statusCode(201).body("authorizationType", equalTo("JWT")).body("authorizerId", equalTo(jwt))
                .body("authorizationScopes", contains("orders:read")).extract().path("id");
        post(api, "/routes", Map.of("routeKey", "POST /orders", "integrationId", integration,
                "authorizationType", "CUSTOM", "authorizerId", custom, "apiKeyRequired", true)).statusCode(201)
                .body("apiKeyRequired", equalTo(true)).body("authorizerId", equalTo(custom));

        patch(api, "/routes/" + read, Map.of("routeKey", "GET /orders/{id}")).statusCode(200)
                .body("authorizerId", equalTo(jwt)).body("authorizationScopes", contains("orders:read"));
        assertThat(badFields(patch(api, "/routes/" + read, Map.of("authorizationType", "CUSTOM"))))
                .containsExactly("authorizerId");
        patch(api, "/routes/" + read, Map.of("authorizationType", "CUSTOM", "authorizerId", custom)).statusCode(200)
                .body("authorizationScopes", hasSize(0));
    }

    @Test
    void aRouteMayRequireAnApiKey() {
        String api = createApi("keyed");
        String integration = createHttpIntegration(api, "http://127.0.0.1:9999");
        String id = post(api, "/routes", Map.of("routeKey", "GET /pets/{id}", "integrationId", integration,
                "apiKeyRequired", true)).statusCode(201).body("apiKeyRequired", equalTo(true)).extract().path("id");
        patch(api, "/routes/" + id, Map.of("routeKey", "GET /pets/{petId}")).statusCode(200)
                .body("apiKeyRequired", equalTo(true));
        patch(api, "/routes/" + id, Map.of("apiKeyRequired", false)).statusCode(200)
                .body("apiKeyRequired", equalTo(false));
    }

    @Test
    void anotherApisIntegrationIsUnknown() {
        String other = createHttpIntegration(createApi("other"), "http://127.0.0.1:9999");
        String api = createApi("mine");
        assertThat(badFields(post(api, "/routes", Map.of("routeKey", "GET /x", "integrationId", other))))
                .containsExactly("integrationId");
    }

    @Test
    void twoRoutesOfOneShapeConflict() {
        String api = createApi("conflicts");
        String integration = createHttpIntegration(api, "http://127.0.0.1:9999");
        String first = createRoute(api, "GET /pets/{id}", integration);
        problem(post(api, "/routes", Map.of("routeKey", "GET /pets/{name}", "integrationId", integration)),
                409, "ROUTE_KEY_CONFLICT").body("errors[0].field", equalTo("routeKey"));
        createRoute(api, "POST /pets/{id}", integration);
        String second = createRoute(api, "GET /pets", integration);
        problem(patch(api, "/routes/" + second, Map.of("routeKey", "GET /pets/{petId}")), 409, "ROUTE_KEY_CONFLICT");
        patch(api, "/routes/" + first, Map.of("routeKey", "GET /pets/{petId}")).statusCode(200)
                .body("routeKey", equalTo("GET /pets/{petId}")).body("revision", equalTo(2));
        assertThat(count(api, "routes")).isEqualTo(3);
    }

    @Test
    void listsRoutesInKeyOrderAcrossPages() {
        String api = createApi("route-pages");
        String integration = createHttpIntegration(api, "http://127.0.0.1:9999");
        createRoute(api, "GET /c", integration);
        createRoute(api, "GET /a", integration);
        createRoute(api, "GET /b", integration);
        var first = get(api, "/routes?limit=2").statusCode(200).body("items.routeKey", contains("GET /a", "GET /b"))
                .extract().path("nextCursor");
        get(api, "/routes?limit=2&cursor=" + first).body("items.routeKey", contains("GET /c"))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void patchesAndDeletes() {
        String api = createApi("route-edits");
        String a = createHttpIntegration(api, "http://127.0.0.1:9999/a");
        String b = createHttpIntegration(api, "http://127.0.0.1:9999/b");
        String route = createRoute(api, "GET /x", a);
        patch(api, "/routes/" + route, Map.of("integrationId", b)).statusCode(200)
                .body("integrationId", equalTo(b)).body("routeKey", equalTo("GET /x"));
        assertThat(badFields(patch(api, "/routes/" + route, Map.of("integrationId", "nosuchone0")))).containsExactly("integrationId");
        delete(api, "/routes/" + route).statusCode(204);
        problem(get(api, "/routes/" + route), 404, "NOT_FOUND");
        problem(delete(api, "/routes/" + route), 404, "NOT_FOUND");
    }
}
