package dev.portico.cp.api;

import dev.portico.cp.revision.Revisions;
import dev.portico.cp.snapshot.SnapshotSource;
import dev.portico.snapshot.Api;
import dev.portico.snapshot.Cors;
import dev.portico.snapshot.Snapshot;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.portico.cp.api.AdminCalls.APIS;
import static dev.portico.cp.api.AdminCalls.badFields;
import static dev.portico.cp.api.AdminCalls.createApi;
import static dev.portico.cp.api.AdminCalls.createMockIntegration;
import static dev.portico.cp.api.AdminCalls.createRoute;
import static dev.portico.cp.api.AdminCalls.get;
import static dev.portico.cp.api.AdminCalls.patch;
import static dev.portico.cp.api.AdminCalls.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** CORS per API: validated, live without a deployment (the revision grows), removed with {@code "cors": null}. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class ApiCorsIT {

    static final Map<String, Object> CORS = Map.of("allowOrigins", List.of("https://app.example.com",
            "https://*.example.org"), "allowMethods", List.of("GET", "POST"), "allowHeaders",
            List.of("Authorization", "Content-Type"), "exposeHeaders", List.of("X-Request-Id"), "maxAge", 600,
            "allowCredentials", true);

    @Inject
    SnapshotSource source;

    @Inject
    Revisions revisions;

    @Test
    void anApiIsCreatedWithCors() {
        String id = given().contentType(ContentType.JSON).body(Map.of("name", "cors-create", "cors", CORS))
                .post(APIS).then().statusCode(201).extract().path("id");
        get(id, "").statusCode(200)
                .body("cors.allowOrigins", contains("https://app.example.com", "https://*.example.org"))
                .body("cors.maxAge", equalTo(600)).body("cors.allowCredentials", equalTo(true));
    }

    @Test
    void everyBadCorsFieldIsNamedAndNothingIsSaved() {
        Map<String, Object> bad = Map.of("allowOrigins", List.of("https://app.example.com/path"),
                "allowMethods", List.of("FETCH"), "allowHeaders", List.of("bad header"),
                "exposeHeaders", List.of("X:Y"), "maxAge", 86_401);
        assertThat(badFields(given().contentType(ContentType.JSON).body(Map.of("name", "cors-bad", "cors", bad))
                .post(APIS).then())).containsExactly("cors.allowOrigins", "cors.allowMethods", "cors.allowHeaders",
                "cors.exposeHeaders", "cors.maxAge");

        String api = createApi("cors-patch-bad");
        assertThat(badFields(patch(api, "", Map.of("cors", Map.of("allowOrigins", List.of("*"),
                "allowCredentials", true))))).containsExactly("cors.allowCredentials");
        assertThat(badFields(patch(api, "", Map.of("cors", "everyone")))).containsExactly("cors");
        get(api, "").body("cors", nullValue()).body("revision", equalTo(1));
    }

    @Test
    void wildcardsAndAnyAreAccepted() {
        String api = createApi("cors-any");
        patch(api, "", Map.of("cors", Map.of("allowOrigins", List.of("*"), "allowMethods", List.of("*"),
                "allowHeaders", List.of("*")))).statusCode(200)
                .body("cors.allowOrigins", contains("*")).body("cors.allowCredentials", equalTo(false));
    }

    @Test
    void aCorsChangeIsLiveWithoutADeploymentAndNullRemovesIt() {
        String api = createApi("cors-live");
        createRoute(api, "GET /ping", createMockIntegration(api, "pong"));
        post(api, "/deployments", Map.of("stageName", "prod")).statusCode(201);
        long deployed = revisions.current();
        assertThat(served(source.current(), api).cors()).isNull();

        patch(api, "", Map.of("cors", CORS)).statusCode(200);
        Snapshot withCors = source.current();
        assertThat(withCors.revision()).isGreaterThan(deployed);
        Cors cors = served(withCors, api).cors();
        assertThat(cors.allowOrigins()).containsExactly("https://app.example.com", "https://*.example.org");
        assertThat(cors.allowCredentials()).isTrue();
        get(api, "/deployments?limit=100").body("items.size()", equalTo(1));

        patch(api, "", Map.of("name", "renamed")).statusCode(200).body("cors.maxAge", equalTo(600));
        assertThat(revisions.current()).as("absent cors keeps it; a rename is not live").isEqualTo(withCors.revision());

        Map<String, Object> remove = new HashMap<>();
        remove.put("cors", null);
        patch(api, "", remove).statusCode(200).body("cors", nullValue());
        Snapshot removed = source.current();
        assertThat(removed.revision()).isGreaterThan(withCors.revision());
        assertThat(served(removed, api).cors()).isNull();
        given().queryParam("objectType", "API").get("/admin/v1/audit-events?limit=100").then().statusCode(200)
                .body("items.findAll { it.objectId == '" + api + "' }.summary",
                        org.hamcrest.Matchers.hasItems(org.hamcrest.Matchers.startsWith("CORS of API cors-live: origins"),
                                equalTo("CORS of API renamed: removed")));
    }

    private static Api served(Snapshot snapshot, String apiId) {
        return snapshot.apis().stream().filter(a -> a.id().equals(apiId)).findFirst().orElseThrow();
    }
}
