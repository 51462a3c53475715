package dev.portico.cp.deployment;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.portico.cp.api.AdminCalls.APIS;
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
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class StageResourceIT {

    @Test
    void createsStagesWithAndWithoutADeployment() {
        String api = createApi("stages");
        String deployment = post(api, "/deployments", Map.of()).statusCode(201).extract().path("id");
        post(api, "/stages", Map.of("name", "dev", "variables", Map.of("host", "127.0.0.1:9997"))).statusCode(201)
                .header("Location", endsWith(APIS + "/" + api + "/stages/dev"))
                .body("name", equalTo("dev")).body("deploymentId", equalTo(null)).body("deploymentVersion", equalTo(null))
                .body("variables.host", equalTo("127.0.0.1:9997"))
                .body("invokeUrl", equalTo("http://" + api + ".localhost:8000/dev"));
        post(api, "/stages", Map.of("name", "prod", "deploymentId", deployment, "description", "live")).statusCode(201)
                .body("deploymentId", equalTo(deployment)).body("deploymentVersion", equalTo(1));
        get(api, "/stages").body("items.name", contains("dev", "prod"));
        get(api, "/stages/prod/history").body("items.action", contains("DEPLOY")).body("items[0].reason", equalTo(null));
        problem(post(api, "/stages", Map.of("name", "prod")), 409, "STAGE_EXISTS");
    }

    @Test
    void badStagesAreNamedAndNothingIsSaved() {
        String api = createApi("bad-stages");
        assertThat(badFields(post(api, "/stages", Map.of("name", "has space", "deploymentId", "nosuchone0",
                "variables", Map.of("bad-name", "x", "host", "white space"))))).containsExactlyInAnyOrder(
                "name", "deploymentId", "variables.bad-name", "variables.host");
        assertThat(badFields(post(api, "/stages", Map.of("name", "x".repeat(129))))).containsExactly("name");
        assertThat(badFields(post(api, "/stages", Map.of()))).containsExactly("name");
        assertThat(count(api, "stages")).isZero();
        problem(get(api, "/stages/nosuchstage"), 404, "NOT_FOUND");
    }

    @Test
    void pendingListsWhatTheDraftWouldChange() {
        String api = createApi("pending");
        String integration = createHttpIntegration(api, "http://127.0.0.1:9999/pets/{id}");
        String route = createRoute(api, "GET /pets/{id}", integration);
        post(api, "/stages", Map.of("name", "prod")).statusCode(201);
        get(api, "/stages/prod/pending").statusCode(200)
                .body("hasChanges", equalTo(true)).body("base", equalTo(null))
                .body("changes.change", contains("ADDED", "ADDED"))
                .body("changes.kind", contains("route", "integration"))
                .body("changes[0].id", equalTo(route));

        String v1 = post(api, "/deployments", Map.of("stageName", "prod")).statusCode(201).extract().path("id");
        get(api, "/stages/prod/pending").body("hasChanges", equalTo(false)).body("changes", hasSize(0))
                .body("base.id", equalTo(v1)).body("base.version", equalTo(1));

        patch(api, "/integrations/" + integration, Map.of("uri", "http://127.0.0.1:9998/pets/{id}")).statusCode(200);
        get(api, "/stages/prod/pending").body("hasChanges", equalTo(true))
                .body("changes", hasSize(1))
                .body("changes[0].kind", equalTo("integration"))
                .body("changes[0].change", equalTo("CHANGED"))
                .body("changes[0].fields.field", contains("uri"))
                .body("changes[0].fields[0].to", equalTo("http://127.0.0.1:9998/pets/{id}"));
    }

    @Test
    void rollbackDefaultsToThePreviousDeploymentAndIsRecorded() {
        String api = createApi("rollback");
        String integration = createHttpIntegration(api, "http://127.0.0.1:9999/a");
        createRoute(api, "GET /a", integration);
        post(api, "/stages", Map.of("name", "prod")).statusCode(201);
        problem(post(api, "/stages/prod/rollback", Map.of()), 409, "NOTHING_TO_ROLL_BACK");
        String v1 = post(api, "/deployments", Map.of("stageName", "prod", "description", "first release"))
                .statusCode(201).extract().path("id");
        problem(post(api, "/stages/prod/rollback", Map.of()), 409, "NOTHING_TO_ROLL_BACK");
        patch(api, "/integrations/" + integration, Map.of("uri", "http://127.0.0.1:9998/a")).statusCode(200);
        String v2 = post(api, "/deployments", Map.of("stageName", "prod", "description", "new backend"))
                .statusCode(201).extract().path("id");

        post(api, "/stages/prod/rollback", Map.of("reason", "v2 answers wrong prices")).statusCode(200)
                .body("deploymentId", equalTo(v1)).body("deploymentVersion", equalTo(1));
        get(api, "/stages/prod/history").statusCode(200)
                .body("items.toDeployment.version", contains(1, 2, 1))
                .body("items[0].fromDeployment", equalTo(null))
                .body("items[1].fromDeployment.version", equalTo(1))
                .body("items[2].fromDeployment.version", equalTo(2))
                .body("items.action", contains("DEPLOY", "DEPLOY", "ROLLBACK"))
                .body("items.by", contains("alice", "alice", "alice"))
                .body("items.reason", contains("first release", "new backend", "v2 answers wrong prices"));

        post(api, "/stages/prod/rollback", Map.of("deploymentId", v2)).statusCode(200).body("deploymentVersion", equalTo(2));
        problem(post(api, "/stages/prod/rollback", Map.of("deploymentId", v2)), 409, "NOTHING_TO_ROLL_BACK");
        assertThat(badFields(post(api, "/stages/prod/rollback", Map.of("deploymentId", "nosuchone0"))))
                .containsExactly("deploymentId");
        get(api, "/stages/prod/history?limit=2").body("items", hasSize(2)).body("items.action", contains("DEPLOY", "DEPLOY"));
    }

    @Test
    void patchUpdatesStageSettingsWithIfMatch() {
        String api = createApi("stage-patch");
        String v1 = post(api, "/deployments", Map.of("stageName", "prod")).statusCode(201).extract().path("id");
        String v2 = post(api, "/deployments", Map.of()).statusCode(201).extract().path("id");
        String etag = get(api, "/stages/prod").statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("variables", Map.of("host", "127.0.0.1:9000"), "description", "main"))
                .patch(APIS + "/" + api + "/stages/prod").then().statusCode(200)
                .body("variables.host", equalTo("127.0.0.1:9000")).body("description", equalTo("main"))
                .body("deploymentId", equalTo(v1));
        problem(given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("description", "late"))
                .patch(APIS + "/" + api + "/stages/prod").then(), 412, "STALE_ETAG");
        patch(api, "/stages/prod", Map.of("deploymentId", v2)).statusCode(200).body("deploymentVersion", equalTo(2));
        get(api, "/stages/prod/history").body("items.toDeployment.id", contains(v1, v2));
        assertThat(badFields(patch(api, "/stages/prod", Map.of("deploymentId", "nosuchone0")))).containsExactly("deploymentId");
    }

    @Test
    void stagesArePagedInNameOrder() {
        String api = createApi("paged-stages");
        for (String name : List.of("c", "a", "b")) {
            post(api, "/stages", Map.of("name", name)).statusCode(201);
        }
        String next = get(api, "/stages?limit=2").statusCode(200).body("items.name", contains("a", "b"))
                .extract().path("nextCursor");
        get(api, "/stages?limit=2&cursor=" + next).statusCode(200).body("items.name", contains("c"))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void deletingAStageFreesItsDeployment() {
        String api = createApi("stage-delete");
        String v1 = post(api, "/deployments", Map.of("stageName", "prod")).statusCode(201).extract().path("id");
        delete(api, "/stages/prod").statusCode(204);
        problem(get(api, "/stages/prod"), 404, "NOT_FOUND");
        delete(api, "/deployments/" + v1).statusCode(204);
    }
}
