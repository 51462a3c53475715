package dev.portico.cp.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Admin-API calls the domain tests build on. Stateless: every test makes its own APIs. */
public final class AdminCalls {

    public static final String APIS = "/admin/v1/apis";

    private AdminCalls() {
    }

    public static String createApi(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name))
                .post(APIS).then().statusCode(201).extract().path("id");
    }

    public static String createHttpIntegration(String apiId, String uri) {
        return post(apiId, "/integrations", Map.of("type", "HTTP_PROXY", "uri", uri)).statusCode(201).extract().path("id");
    }

    public static String createMockIntegration(String apiId, String body) {
        return post(apiId, "/integrations", Map.of("type", "MOCK", "body", body)).statusCode(201).extract().path("id");
    }

    public static String createRoute(String apiId, String routeKey, String integrationId) {
        return post(apiId, "/routes", Map.of("routeKey", routeKey, "integrationId", integrationId))
                .statusCode(201).extract().path("id");
    }

    public static ValidatableResponse post(String apiId, String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(APIS + "/" + apiId + path).then();
    }

    public static ValidatableResponse patch(String apiId, String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).patch(APIS + "/" + apiId + path).then();
    }

    public static ValidatableResponse get(String apiId, String path) {
        return given().get(APIS + "/" + apiId + path).then();
    }

    public static ValidatableResponse delete(String apiId, String path) {
        return given().delete(APIS + "/" + apiId + path).then();
    }

    /** Asserts an RFC 9457 answer with this status and stable code. */
    public static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("code", equalTo(code));
    }

    /** The fields a 400 names, in order. */
    public static List<String> badFields(ValidatableResponse response) {
        return problem(response, 400, "VALIDATION_FAILED").extract().jsonPath().getList("errors.field", String.class);
    }

    public static int count(String apiId, String collection) {
        return get(apiId, "/" + collection + "?limit=100").statusCode(200).extract().jsonPath().getList("items").size();
    }
}
