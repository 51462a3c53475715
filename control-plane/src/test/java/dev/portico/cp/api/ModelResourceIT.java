package dev.portico.cp.api;

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
import static dev.portico.cp.api.AdminCalls.delete;
import static dev.portico.cp.api.AdminCalls.get;
import static dev.portico.cp.api.AdminCalls.patch;
import static dev.portico.cp.api.AdminCalls.post;
import static dev.portico.cp.api.AdminCalls.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class ModelResourceIT {

    static final Map<String, Object> PET_SCHEMA = Map.of("type", "object", "required", List.of("name"),
            "properties", Map.of("name", Map.of("type", "string")));
    static final Map<String, Object> PET = Map.of("name", "Pet", "description", "a pet", "schema", PET_SCHEMA);

    @Test
    void createsListsGetsPatchesAndDeletesAModel() {
        String api = createApi("models-crud");
        String id = post(api, "/models", PET).statusCode(201).header("ETag", "\"1\"")
                .header("Location", containsString("/models/"))
                .body("name", equalTo("Pet")).body("schema.required", contains("name")).extract().path("id");
        get(api, "").body("revision", equalTo(2));
        get(api, "/models").statusCode(200).body("items.id", contains(id)).body("nextCursor", nullValue());
        get(api, "/models/" + id).statusCode(200).header("ETag", "\"1\"")
                .body("description", equalTo("a pet")).body("schema.properties.name.type", equalTo("string"));

        given().contentType(ContentType.JSON).header("If-Match", "\"9\"").body(Map.of("description", "x"))
                .patch(APIS + "/" + api + "/models/" + id).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("description", "a cat"))
                .patch(APIS + "/" + api + "/models/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("Pet")).body("description", equalTo("a cat"))
                .body("schema.required", contains("name"));
        patch(api, "/models/" + id, Map.of("name", "Animal")).statusCode(200).body("name", equalTo("Animal"));

        delete(api, "/models/" + id).statusCode(204);
        problem(get(api, "/models/" + id), 404, "NOT_FOUND");
        assertThat(count(api, "models")).isZero();
    }

    @Test
    void draft4AndDraft2020SchemasAreAcceptedOtherDialectsRefused() {
        String api = createApi("models-dialects");
        int n = 0;
        for (String dialect : List.of("http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-04/schema",
                "https://json-schema.org/draft/2020-12/schema")) {
            post(api, "/models", Map.of("name", "M" + n++, "schema", Map.of("$schema", dialect, "type", "object")))
                    .statusCode(201);
        }
        post(api, "/models", Map.of("name", "Empty", "schema", Map.of())).statusCode(201);
        for (String dialect : List.of("http://json-schema.org/draft-07/schema#",
                "https://json-schema.org/draft/2019-09/schema")) {
            assertThat(badFields(post(api, "/models", Map.of("name", "Other", "schema",
                    Map.of("$schema", dialect, "type", "object"))))).containsExactly("schema");
        }
        assertThat(count(api, "models")).isEqualTo(4);
    }

    @Test
    void invalidSchemasAndNamesAreRefusedAndNothingIsWritten() {
        String api = createApi("models-invalid");
        assertThat(badFields(post(api, "/models", Map.of("name", "Bad", "schema", Map.of("type", "no-such-type")))))
                .containsExactly("schema");
        assertThat(badFields(post(api, "/models", Map.of("name", "Bad", "schema", List.of("not", "an", "object")))))
                .containsExactly("schema");
        assertThat(badFields(post(api, "/models", Map.of("name", "Bad", "schema", "text")))).containsExactly("schema");
        assertThat(badFields(post(api, "/models", Map.of("name", "Bad")))).containsExactly("schema");
        assertThat(badFields(post(api, "/models", Map.of("name", "Bad", "schema",
                Map.of("$schema", "https://example.com/my-dialect", "type", "object"))))).containsExactly("schema");
        assertThat(badFields(post(api, "/models", Map.of("name", "Bad", "schema",
                Map.of("$schema", "https://json-schema.org/draft/2020-12/schema", "minLength", -1)))))
                .containsExactly("schema");
        assertThat(badFields(post(api, "/models", Map.of("name", "not-alnum", "schema", PET_SCHEMA))))
                .containsExactly("name");
        assertThat(badFields(post(api, "/models", Map.of("name", "Pet Model", "schema", PET_SCHEMA))))
                .containsExactly("name");
        assertThat(badFields(post(api, "/models", Map.of("schema", PET_SCHEMA)))).containsExactly("name");
        assertThat(count(api, "models")).isZero();
        get(api, "").body("revision", equalTo(1));

        String id = post(api, "/models", PET).statusCode(201).extract().path("id");
        assertThat(badFields(patch(api, "/models/" + id, Map.of("schema", Map.of("type", "no-such-type")))))
                .containsExactly("schema");
        get(api, "/models/" + id).body("revision", equalTo(1)).body("schema.type", equalTo("object"));
    }

    @Test
    void aNameIsUniqueWithinAnApi() {
        String api = createApi("models-duplicate");
        String id = post(api, "/models", PET).statusCode(201).extract().path("id");
        problem(post(api, "/models", PET), 409, "MODEL_NAME_CONFLICT");
        String other = post(api, "/models", Map.of("name", "Owner", "schema", PET_SCHEMA)).statusCode(201)
                .extract().path("id");
        problem(patch(api, "/models/" + other, Map.of("name", "Pet")), 409, "MODEL_NAME_CONFLICT");
        assertThat(count(api, "models")).isEqualTo(2);
        post(createApi("models-duplicate-elsewhere"), "/models", PET).statusCode(201);
        get(api, "/models/" + id).statusCode(200);
    }

    @Test
    void aModelARouteUsesCannotBeDeletedOrRenamed() {
        String api = createApi("models-in-use");
        String id = post(api, "/models", PET).statusCode(201).extract().path("id");
        String integration = createHttpIntegration(api, "http://127.0.0.1:9999");
        String route = post(api, "/routes", Map.of("routeKey", "POST /pets/{id}", "integrationId", integration,
                "requestValidation", Map.of("bodyModel", "Pet",
                        "requiredParameters", List.of("path.id", "header.X-Tenant", "querystring.page"))))
                .statusCode(201)
                .body("requestValidation.bodyModel", equalTo("Pet"))
                .body("requestValidation.requiredParameters", contains("path.id", "header.X-Tenant", "querystring.page"))
                .extract().path("id");

        problem(delete(api, "/models/" + id), 409, "MODEL_IN_USE").body("detail", containsString("POST /pets/{id}"));
        problem(patch(api, "/models/" + id, Map.of("name", "Animal")), 409, "MODEL_IN_USE");
        patch(api, "/models/" + id, Map.of("description", "still usable")).statusCode(200);

        // absent keeps
        patch(api, "/routes/" + route, Map.of("apiKeyRequired", true)).statusCode(200)
                .body("requestValidation.bodyModel", equalTo("Pet"));
        patch(api, "/routes/" + route, Map.of("requestValidation", Map.of())).statusCode(200)
                .body("requestValidation", nullValue());
        delete(api, "/models/" + id).statusCode(204);
    }

    @Test
    void routeValidationIsChecked() {
        String api = createApi("models-route-validation");
        String integration = createHttpIntegration(api, "http://127.0.0.1:9999");
        assertThat(badFields(post(api, "/routes", Map.of("routeKey", "POST /pets", "integrationId", integration,
                "requestValidation", Map.of("bodyModel", "Nope"))))).containsExactly("requestValidation.bodyModel");
        assertThat(badFields(post(api, "/routes", Map.of("routeKey", "POST /pets/{id}", "integrationId", integration,
                "requestValidation", Map.of("requiredParameters",
                        List.of("querystring.page", "body.name", "header.Bad Header", "path.petId"))))))
                .containsExactly("requestValidation.requiredParameters[1]", "requestValidation.requiredParameters[2]",
                        "requestValidation.requiredParameters[3]");
        assertThat(count(api, "routes")).isZero();
        String route = post(api, "/routes", Map.of("routeKey", "GET /files/{proxy+}", "integrationId", integration,
                "requestValidation", Map.of("requiredParameters", List.of("path.proxy")))).statusCode(201)
                .extract().path("id");
        assertThat(badFields(patch(api, "/routes/" + route, Map.of("routeKey", "GET /files"))))
                .containsExactly("requestValidation.requiredParameters[0]");
    }

    @Test
    void aDeploymentFreezesModelsAndRouteValidation() {
        String api = createApi("models-deployed");
        String model = post(api, "/models", PET).statusCode(201).extract().path("id");
        String integration = createHttpIntegration(api, "http://127.0.0.1:9999");
        post(api, "/routes", Map.of("routeKey", "POST /pets", "integrationId", integration,
                "requestValidation", Map.of("bodyModel", "Pet", "requiredParameters", List.of("header.X-Tenant"))))
                .statusCode(201);
        String deployment = post(api, "/deployments", Map.of("stageName", "prod")).statusCode(201)
                .body("models[0].id", equalTo(model))
                .body("models[0].name", equalTo("Pet"))
                .body("models[0].schema.required", contains("name"))
                .body("routes[0].requestValidation.bodyModel", equalTo("Pet"))
                .body("routes[0].requestValidation.requiredParameters", contains("header.X-Tenant"))
                .extract().path("id");
        get(api, "/deployments/" + deployment).statusCode(200).body("models[0].name", equalTo("Pet"));

        patch(api, "/models/" + model, Map.of("schema", Map.of("type", "object"))).statusCode(200);
        get(api, "/stages/prod/pending").statusCode(200).body("hasChanges", equalTo(true))
                .body("changes.kind", hasItem("model"))
                .body("changes.find { it.kind == 'model' }.key", equalTo("Pet"));
        get(api, "/deployments/" + deployment).body("models[0].schema.required", contains("name"));
    }
}
