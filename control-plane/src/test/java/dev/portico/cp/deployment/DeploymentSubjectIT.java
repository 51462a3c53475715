package dev.portico.cp.deployment;

import dev.portico.cp.auth.Roles;
import dev.portico.cp.auth.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Who deployed, from the token's subject: in the deployment, the stage's history and the audit log alike. */
@QuarkusTest
class DeploymentSubjectIT {

    @Test
    void anEditorsDeploymentAndRollbackNameTheEditorEverywhere() {
        String editor = "deployer-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("username", editor, "password", "deployer-password-1", "role", Roles.EDITOR))
                .post("/admin/v1/users").then().statusCode(201);
        String token = Tokens.of(editor, "deployer-password-1");
        String api = as(token).body(Map.of("name", "subject-" + editor)).post("/admin/v1/apis")
                .then().statusCode(201).extract().path("id");
        String base = "/admin/v1/apis/" + api;

        String v1 = as(token).body(Map.of("stageName", "prod")).post(base + "/deployments")
                .then().statusCode(201).body("createdBy", equalTo(editor)).extract().path("id");
        as(Tokens.admin()).body(Map.of("stageName", "prod")).post(base + "/deployments")
                .then().statusCode(201).body("createdBy", equalTo("admin"));
        as(token).body(Map.of("deploymentId", v1, "reason", "back")).post(base + "/stages/prod/rollback")
                .then().statusCode(200);

        given().auth().oauth2(token).get(base + "/deployments/" + v1).then().body("createdBy", equalTo(editor));
        given().auth().oauth2(token).get(base + "/deployments").then().body("items.createdBy", contains("admin", editor));
        given().auth().oauth2(token).get(base + "/stages/prod/history").then()
                .body("items.by", contains(editor, "admin", editor))
                .body("items.action", contains("DEPLOY", "DEPLOY", "ROLLBACK"));
        List<Map<String, String>> audit = given().auth().oauth2(token)
                .get("/admin/v1/audit-events?actor=" + editor + "&limit=100").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(audit).extracting(e -> e.get("action")).contains("DEPLOY", "ROLLBACK", "CREATE");
        assertThat(audit).allSatisfy(e -> assertThat(e.get("actor")).isEqualTo(editor));
        assertThat(given().auth().oauth2(token).get("/admin/v1/audit-events?objectType=DEPLOYMENT&limit=100")
                .then().extract().jsonPath().getList("items.findAll { it.objectId == '" + v1 + "' }.actor", String.class))
                .isNotEmpty().containsOnly(editor);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
