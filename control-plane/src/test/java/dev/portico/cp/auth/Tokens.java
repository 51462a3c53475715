package dev.portico.cp.auth;

import io.restassured.http.ContentType;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Real admin tokens for the tests, from the real token endpoint. */
public final class Tokens {

    /** The first admin's password in the test profile (application.properties). */
    public static final String ADMIN_PASSWORD = "test-admin-password-1";

    private Tokens() {
    }

    public static String admin() {
        return of(AdminUsers.FIRST_ADMIN, ADMIN_PASSWORD);
    }

    public static String of(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/admin/v1/auth/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
