package dev.portico.cp.error;

import dev.portico.cp.auth.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AdminErrorsIT {

    private static final String TOKEN = "/admin/v1/auth/token";
    private static final String USERS = "/admin/v1/users";

    @Test
    void malformedJsonSaysWhere() {
        problem(given().contentType(ContentType.JSON).body("{\"username\": \"admin\",\n \"password\": }")
                .post(TOKEN).then(), 400, "MALFORMED_JSON")
                .body("detail", containsString("line 2, column"));
    }

    @Test
    void unknownFieldsAreNamed() {
        problem(given().contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", "x", "colour", "blue"))
                .post(TOKEN).then(), 400, "UNKNOWN_FIELD")
                .body("errors.field", contains("colour"));
    }

    @Test
    void wrongTypesAreNamed() {
        problem(given().contentType(ContentType.JSON).body("{\"username\": 42, \"password\": \"x\"}")
                .post(TOKEN).then(), 400, "INVALID_FIELD_TYPE")
                .body("errors.field", contains("username"))
                .body("errors.message", contains("expected a string"));
        problem(given().contentType(ContentType.JSON).body("[\"admin\"]").post(TOKEN).then(), 400, "INVALID_FIELD_TYPE")
                .body("errors.field", contains("body"));
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingIsSaved() {
        problem(given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("username", "bad name!", "password", "short", "role", "owner"))
                .post(USERS).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("password", "role", "username"));
        problem(given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("username", "half-valid-user", "password", "long-enough-password", "role", "owner"))
                .post(USERS).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("role"));
        given().auth().oauth2(Tokens.admin()).get(USERS + "/half-valid-user").then().statusCode(404);
    }

    @Test
    void aMissingBodyIsNamed() {
        problem(given().contentType(ContentType.JSON).post(TOKEN).then(), 400, "VALIDATION_FAILED")
                .body("errors[0].message", containsString("JSON body"));
    }

    @Test
    void unknownPathsAndMethods() {
        String admin = Tokens.admin();
        problem(given().auth().oauth2(admin).get("/admin/v1/no-such-thing").then(), 404, "NOT_FOUND");
        problem(given().auth().oauth2(admin).get("/admin/v1/nodes/no-such-node").then(), 404, "NOT_FOUND");
        problem(given().auth().oauth2(admin).delete("/admin/v1/revisions/current").then(), 405, "METHOD_NOT_ALLOWED");
        problem(given().get(TOKEN).then(), 405, "METHOD_NOT_ALLOWED");
        problem(given().get("/no-such-page").then(), 404, "NOT_FOUND");   // outside the admin API: no token needed to learn that
    }

    @Test
    void anOverLargeBodyIs413() {
        String huge = "{\"username\": \"" + "x".repeat(5 * 1024 * 1024) + "\", \"password\": \"x\"}";
        problem(given().contentType(ContentType.JSON).body(huge).post(TOKEN).then(), 413, "BODY_TOO_LARGE");
    }

    @Test
    void badPagingParametersAreNamed() {
        problem(given().auth().oauth2(Tokens.admin()).get("/admin/v1/nodes?limit=lots").then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("limit"));
        problem(given().auth().oauth2(Tokens.admin()).get("/admin/v1/nodes?limit=0&cursor=%25%25").then(),
                400, "VALIDATION_FAILED")
                .body("errors.field", contains("limit", "cursor"));
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("type", startsWith("urn:portico:problem:"))
                .body("title", org.hamcrest.Matchers.notNullValue());
    }
}
