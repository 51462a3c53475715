package dev.portico.cp.deployment;

import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.HttpProxyIntegration;
import dev.portico.snapshot.Route;
import dev.portico.snapshot.SnapshotCodec;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.portico.cp.api.AdminCalls.APIS;
import static dev.portico.cp.api.AdminCalls.badFields;
import static dev.portico.cp.api.AdminCalls.createApi;
import static dev.portico.cp.api.AdminCalls.createHttpIntegration;
import static dev.portico.cp.api.AdminCalls.createMockIntegration;
import static dev.portico.cp.api.AdminCalls.createRoute;
import static dev.portico.cp.api.AdminCalls.delete;
import static dev.portico.cp.api.AdminCalls.get;
import static dev.portico.cp.api.AdminCalls.patch;
import static dev.portico.cp.api.AdminCalls.post;
import static dev.portico.cp.api.AdminCalls.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class DeploymentResourceIT {

    @Test
    void deploymentsAreNumberedHashedAndAttributed() {
        String api = createApi("numbered");
        String integration = createHttpIntegration(api, "http://127.0.0.1:9999/pets/{id}");
        String route = createRoute(api, "GET /pets/{id}", integration);
        JsonPath v1 = post(api, "/deployments", Map.of("description", "first")).statusCode(201)
                .header("Location", matchesPattern(".*/deployments/[a-z0-9]{10}"))
                .body("version", equalTo(1)).body("description", equalTo("first")).body("createdBy", equalTo("alice"))
                .body("routes", hasSize(1)).body("integrations", hasSize(1))
                .extract().jsonPath();
        String expected = SnapshotCodec.contentHash(
                List.of(new Route(route, "GET /pets/{id}", integration, AuthorizationType.NONE, false)),
                List.of(new HttpProxyIntegration(integration, "http://127.0.0.1:9999/pets/{id}", "ANY", 29_000, null)));
        assertThat(v1.getString("contentHash")).isEqualTo(expected);

        given().contentType(ContentType.JSON).post(APIS + "/" + api + "/deployments").then().statusCode(201).body("version", equalTo(2))
                .body("contentHash", equalTo(expected)).body("description", equalTo(null));
        get(api, "/deployments").statusCode(200).body("items.version", contains(2, 1));
    }

    @Test
    void deploymentsArePagedNewestFirst() {
        String api = createApi("paged-deployments");
        for (int i = 0; i < 3; i++) {
            post(api, "/deployments", Map.of()).statusCode(201);
        }
        String next = get(api, "/deployments?limit=2").statusCode(200).body("items.version", contains(3, 2))
                .extract().path("nextCursor");
        get(api, "/deployments?limit=2&cursor=" + next).statusCode(200).body("items.version", contains(1))
                .body("nextCursor", equalTo(null));
        assertThat(badFields(get(api, "/deployments?cursor=bm90LWEtbnVtYmVy"))).containsExactly("cursor");
    }

    @Test
    void aDeploymentNeverChanges() {
        String api = createApi("immutable");
        String integration = createHttpIntegration(api, "http://127.0.0.1:9999/a");
        createRoute(api, "GET /a", integration);
        JsonPath v1 = post(api, "/deployments", Map.of()).statusCode(201).extract().jsonPath();
        patch(api, "/integrations/" + integration, Map.of("uri", "http://127.0.0.1:9999/b")).statusCode(200);
        createRoute(api, "GET /b", integration);
        get(api, "/deployments/" + v1.getString("id")).statusCode(200)
                .body("contentHash", equalTo(v1.getString("contentHash")))
                .body("integrations[0].uri", equalTo("http://127.0.0.1:9999/a"))
                .body("routes.routeKey", contains("GET /a"));
    }

    @Test
    void diffShowsExactlyWhatChanged() {
        String api = createApi("diffs");
        String pets = createHttpIntegration(api, "http://127.0.0.1:9999/pets/{id}");
        String ping = createMockIntegration(api, "{\"pong\":true}");
        String petsRoute = createRoute(api, "GET /pets/{id}", pets);
        createRoute(api, "GET /ping", ping);
        String v1 = post(api, "/deployments", Map.of()).statusCode(201).extract().path("id");
        patch(api, "/integrations/" + pets, Map.of("uri", "http://127.0.0.1:9998/pets/{id}")).statusCode(200);
        String v2 = post(api, "/deployments", Map.of()).statusCode(201).extract().path("id");

        get(api, "/deployments/" + v2 + "/diff?base=" + v1).statusCode(200)
                .body("base.id", equalTo(v1)).body("base.version", equalTo(1))
                .body("target.id", equalTo(v2)).body("target.version", equalTo(2))
                .body("changes", hasSize(1))
                .body("changes[0].kind", equalTo("integration"))
                .body("changes[0].id", equalTo(pets))
                .body("changes[0].key", equalTo(pets))
                .body("changes[0].change", equalTo("CHANGED"))
                .body("changes[0].fields", hasSize(1))
                .body("changes[0].fields[0].field", equalTo("uri"))
                .body("changes[0].fields[0].from", equalTo("http://127.0.0.1:9999/pets/{id}"))
                .body("changes[0].fields[0].to", equalTo("http://127.0.0.1:9998/pets/{id}"));

        delete(api, "/routes/" + petsRoute).statusCode(204);
        String v3 = post(api, "/deployments", Map.of()).statusCode(201).extract().path("id");
        get(api, "/deployments/" + v3 + "/diff?base=" + v2)
                .body("changes.kind", contains("route")).body("changes[0].change", equalTo("REMOVED"))
                .body("changes[0].key", equalTo("GET /pets/{id}"));
        get(api, "/deployments/" + v1 + "/diff?base=" + v1).body("changes", hasSize(0));
        assertThat(badFields(get(api, "/deployments/" + v1 + "/diff"))).containsExactly("base");
        problem(get(api, "/deployments/" + v1 + "/diff?base=nosuchone0"), 404, "NOT_FOUND");
    }

    @Test
    void aDeploymentAStageServesCannotBeDeleted() {
        String api = createApi("in-use");
        String served = post(api, "/deployments", Map.of("stageName", "prod")).statusCode(201).extract().path("id");
        String unused = post(api, "/deployments", Map.of()).statusCode(201).extract().path("id");
        problem(delete(api, "/deployments/" + served), 409, "DEPLOYMENT_IN_USE");
        get(api, "/deployments/" + served).statusCode(200);
        delete(api, "/deployments/" + unused).statusCode(204);
        problem(get(api, "/deployments/" + unused), 404, "NOT_FOUND");
        post(api, "/deployments", Map.of()).statusCode(201).body("version", equalTo(3));
    }

    @Test
    void badDeployRequestsAreNamed() {
        String api = createApi("bad-deploys");
        assertThat(badFields(post(api, "/deployments", Map.of("stageName", "no spaces", "description", "x".repeat(2000)))))
                .containsExactly("description", "stageName");
        get(api, "/deployments").body("items", hasSize(0));
        problem(post("nosuchapi0", "/deployments", Map.of()), 404, "NOT_FOUND");
        problem(get(api, "/deployments/nosuchone0"), 404, "NOT_FOUND");
    }

    @Test
    void deployingToAStageCreatesItAndRecordsWhy() {
        String api = createApi("stage-on-deploy");
        String mock = createMockIntegration(api, "ok");
        createRoute(api, "$default", mock);
        String id = post(api, "/deployments", Map.of("stageName", "$default", "description", "go live"))
                .statusCode(201).extract().path("id");
        get(api, "/stages/$default").statusCode(200)
                .body("deploymentId", equalTo(id)).body("deploymentVersion", equalTo(1))
                .body("invokeUrl", equalTo("http://" + api + ".localhost:8000"));
        get(api, "/stages/$default/history").body("items", hasSize(1))
                .body("items[0].action", equalTo("DEPLOY")).body("items[0].reason", equalTo("go live"))
                .body("items[0].by", equalTo("alice")).body("items[0].fromDeployment", equalTo(null))
                .body("items[0].toDeployment.id", equalTo(id));
    }
}
