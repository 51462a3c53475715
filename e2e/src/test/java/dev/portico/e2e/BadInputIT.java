package dev.portico.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance step 8: every bad input gets the right status and an RFC 9457 problem naming the
 * problem, and a rejected request saves nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private ControlPlane cp;
    private AdminClient admin;
    private PetsApi pets;

    @BeforeAll
    void start() {
        cp = ControlPlane.start("bad-input-cp");
        admin = cp.admin();
        pets = PetsApi.create(admin, "pets", "http://127.0.0.1:9");
    }

    @AfterAll
    void stop() {
        cp.close();
    }

    @Test
    void malformedJson() {
        AdminClient.Answer answer = admin.postRaw("/admin/v1/apis", "{\"name\": \"unclosed");
        assertProblem(answer, 400);
    }

    @Test
    void unknownFieldsAndWrongTypesAreNamed() {
        assertFieldNamed(admin.post("/admin/v1/apis", Map.of("name", "x", "colour", "red")), 400, "colour");
        assertFieldNamed(admin.post(pets.path() + "/integrations",
                Map.of("type", "HTTP_PROXY", "uri", "http://127.0.0.1:9/x", "timeoutMillis", "soon")), 400, "timeoutMillis");
    }

    @Test
    void invalidRouteKeysAreNamed() {
        for (String key : List.of("GET pets", "ANY /{proxy+}/tail", "FETCH /pets")) {
            assertFieldNamed(admin.post(pets.path() + "/routes", Map.of("routeKey", key,
                    "integrationId", pets.petsIntegrationId())), 400, "routeKey");
        }
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsSaved() {
        int routesBefore = routeCount();
        AdminClient.Answer answer = admin.post(pets.path() + "/routes",
                Map.of("routeKey", "GET pets", "integrationId", "nosuchintg"));
        assertFieldNamed(answer, 400, "routeKey");
        assertFieldNamed(answer, 400, "integrationId");
        assertFieldNamed(admin.post(pets.path() + "/routes",
                Map.of("routeKey", "GET /owners", "integrationId", "nosuchintg")), 400, "integrationId");
        assertThat(routeCount()).isEqualTo(routesBefore);
    }

    @Test
    void duplicateRouteKeyIsAConflict() {
        AdminClient.Answer answer = admin.post(pets.path() + "/routes",
                Map.of("routeKey", "GET /pets/{petId}", "integrationId", pets.petsIntegrationId()));
        assertProblem(answer, 409);
        assertThat(answer.json().get("code").asText()).isEqualTo("ROUTE_KEY_CONFLICT");
    }

    @Test
    void deploymentAStageUsesCannotBeDeleted() {
        String deploymentId = pets.deploy(admin, "in-use", "pinned").get("id").asText();
        AdminClient.Answer answer = admin.delete(pets.path() + "/deployments/" + deploymentId);
        assertProblem(answer, 409);
        assertThat(answer.json().get("code").asText()).isEqualTo("DEPLOYMENT_IN_USE");
        admin.get(pets.path() + "/deployments/" + deploymentId).expect(200);
    }

    @Test
    void staleIfMatchIsAPreconditionFailure() {
        AdminClient.Answer api = admin.get(pets.path()).expect(200);
        String etag = api.header("ETag");
        assertThat(etag).isNotBlank();
        admin.patch(pets.path(), Map.of("description", "fresh"), etag).expect(200);
        AdminClient.Answer stale = admin.patch(pets.path(), Map.of("description", "stale write"), etag);
        assertProblem(stale, 412);
        assertThat(admin.get(pets.path()).json().get("description").asText()).isEqualTo("fresh");
    }

    @Test
    void noTokenAndWrongPasswordAreUnauthorized() {
        assertProblem(AdminClient.anonymous(cp.url()).get("/admin/v1/apis"), 401);
        assertProblem(AdminClient.anonymous(cp.url()).post("/admin/v1/auth/token",
                Map.of("username", "admin", "password", "not-the-password")), 401);
    }

    private int routeCount() {
        return admin.get(pets.path() + "/routes?limit=100").expect(200).json().get("items").size();
    }

    private static void assertProblem(AdminClient.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().get("title").asText()).isNotBlank();
        assertThat(answer.json().get("detail").asText()).isNotBlank();
    }

    private static void assertFieldNamed(AdminClient.Answer answer, int status, String field) {
        assertProblem(answer, status);
        JsonNode errors = answer.json().get("errors");
        assertThat(Json.stream(errors).map(e -> e.get("field").asText())).as(answer.body()).contains(field);
    }
}
