package dev.portico.cp.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
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
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class AuthorizerResourceIT {

    static final Map<String, Object> JWT = Map.of("name", "issuer", "type", "JWT",
            "issuer", "https://idp.example.com/realms/shop", "audiences", List.of("orders-api"));
    static final Map<String, Object> CUSTOM = Map.of("name", "gatekeeper", "type", "CUSTOM",
            "uri", "http://127.0.0.1:9995/authorize", "identitySources", List.of("$request.header.Authorization"));

    @Test
    void createsAJwtAuthorizerWithDefaults() {
        String api = createApi("jwt-authorizer");
        String id = post(api, "/authorizers", JWT).statusCode(201).header("ETag", "\"1\"")
                .header("Location", containsString("/authorizers/")).extract().path("id");
        get(api, "/authorizers/" + id).statusCode(200)
                .body("type", equalTo("JWT"))
                .body("issuer", equalTo("https://idp.example.com/realms/shop"))
                .body("audiences", contains("orders-api"))
                .body("jwksUri", nullValue())
                .body("identitySource", equalTo("$request.header.Authorization"))
                .body("uri", nullValue());
        get(api, "").body("revision", equalTo(2));
        assertThat(count(api, "authorizers")).isEqualTo(1);
    }

    @Test
    void createsACustomAuthorizerWithDefaults() {
        String api = createApi("custom-authorizer");
        post(api, "/authorizers", CUSTOM).statusCode(201)
                .body("type", equalTo("CUSTOM"))
                .body("identitySources", contains("$request.header.Authorization"))
                .body("resultTtlSeconds", equalTo(300))
                .body("timeoutMillis", equalTo(10_000))
                .body("enableSimpleResponses", equalTo(true))
                .body("payloadFormatVersion", equalTo("2.0"))
                .body("issuer", nullValue());
    }

    @Test
    void everyBadJwtFieldIsNamedAndNothingIsSaved() {
        String api = createApi("bad-jwt");
        Map<String, Object> body = new HashMap<>(Map.of("name", " ", "type", "JWT", "issuer", "idp.example.com",
                "audiences", List.of(), "jwksUri", "ftp://idp/keys", "identitySource", "Authorization",
                "resultTtlSeconds", 5));
        assertThat(badFields(post(api, "/authorizers", body)))
                .containsExactly("name", "issuer", "audiences", "jwksUri", "identitySource", "resultTtlSeconds");
        assertThat(badFields(post(api, "/authorizers", Map.of("name", "x", "type", "BASIC")))).containsExactly("type");
        assertThat(badFields(post(api, "/authorizers", Map.of("name", "x")))).containsExactly("type");
        assertThat(count(api, "authorizers")).isZero();
        get(api, "").body("revision", equalTo(1));
    }

    @Test
    void everyBadCustomFieldIsNamedAndNothingIsSaved() {
        String api = createApi("bad-custom");
        Map<String, Object> body = Map.of("name", "gate", "type", "CUSTOM", "uri", "/authorize",
                "identitySources", List.of("$request.header.Authorization", "$request.body.token"),
                "resultTtlSeconds", 3601, "timeoutMillis", 30_001, "payloadFormatVersion", "1.0",
                "issuer", "https://idp.example.com");
        assertThat(badFields(post(api, "/authorizers", body))).containsExactly("uri", "identitySources",
                "resultTtlSeconds", "timeoutMillis", "payloadFormatVersion", "issuer");
        post(api, "/authorizers", body).body("errors[1].message", containsString("$request.body.token"));
        assertThat(badFields(post(api, "/authorizers", Map.of("name", "gate", "type", "CUSTOM", "uri",
                "http://127.0.0.1:1/a", "identitySources", List.of())))).containsExactly("identitySources");
        // the node's grammar (the contract's): a $context name it cannot read is refused here, not by nodes
        for (String source : List.of("$context.nope", "$context.authorizer.claims.sub", "$request.path.id")) {
            post(api, "/authorizers", Map.of("name", "gate", "type", "CUSTOM", "uri", "http://127.0.0.1:1/a",
                    "identitySources", List.of(source))).statusCode(400)
                    .body("errors[0].field", equalTo("identitySources")).body("errors[0].message", containsString(source));
        }
        assertThat(count(api, "authorizers")).isZero();
    }

    @Test
    void everyIdentitySourceFormIsAccepted() {
        String api = createApi("sources");
        Map<String, Object> body = new HashMap<>(CUSTOM);
        body.put("identitySources", List.of("$request.header.X-Token", "$request.querystring.token",
                "$context.identity.sourceIp", "$stageVariables.tenant"));
        body.put("resultTtlSeconds", 0);
        post(api, "/authorizers", body).statusCode(201).body("resultTtlSeconds", equalTo(0));
    }

    @Test
    void patchChecksTheETagAndKeepsWhatItDoesNotName() {
        String api = createApi("patch-authorizer");
        String id = post(api, "/authorizers", JWT).statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(Map.of("name", "renamed"))
                .patch(APIS + "/" + api + "/authorizers/" + id).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("audiences", List.of("a", "b")))
                .patch(APIS + "/" + api + "/authorizers/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("issuer")).body("audiences", contains("a", "b"))
                .body("issuer", equalTo("https://idp.example.com/realms/shop"));
        assertThat(badFields(patch(api, "/authorizers/" + id, Map.of("issuer", "nope")))).containsExactly("issuer");
        get(api, "/authorizers/" + id).body("revision", equalTo(2));
    }

    @Test
    void anAuthorizerARouteUsesCannotBeDeletedOrChangeItsType() {
        String api = createApi("in-use");
        String id = post(api, "/authorizers", JWT).statusCode(201).extract().path("id");
        String integration = createHttpIntegration(api, "http://127.0.0.1:9999");
        String route = post(api, "/routes", Map.of("routeKey", "GET /a", "integrationId", integration,
                "authorizationType", "JWT", "authorizerId", id)).statusCode(201).extract().path("id");

        problem(delete(api, "/authorizers/" + id), 409, "AUTHORIZER_IN_USE").body("detail", containsString("GET /a"));
        problem(patch(api, "/authorizers/" + id, CUSTOM), 409, "AUTHORIZER_IN_USE");
        get(api, "/authorizers/" + id).statusCode(200).body("type", equalTo("JWT"));

        patch(api, "/routes/" + route, Map.of("authorizationType", "NONE")).statusCode(200)
                .body("authorizerId", nullValue());
        delete(api, "/authorizers/" + id).statusCode(204);
        problem(get(api, "/authorizers/" + id), 404, "NOT_FOUND");
    }
}
