package dev.portico.cp.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AuthIT {

    @Inject
    UserAccounts users;

    @Test
    void issuesATokenThatOpensTheAdminApi() {
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", Tokens.ADMIN_PASSWORD))
                .post("/admin/v1/auth/token")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("access_token", notNullValue())
                .extract().path("access_token");

        given().auth().oauth2(token).get("/admin/v1/revisions/current")
                .then().statusCode(200).body("revision", notNullValue()).body("changedAt", notNullValue());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        for (Map<String, String> credentials : new Map[] {
            Map.of("username", "admin", "password", "not-the-password"),
            Map.of("username", "nobody-at-all", "password", Tokens.ADMIN_PASSWORD)}) {
            given().contentType(ContentType.JSON).body(credentials).post("/admin/v1/auth/token")
                    .then().statusCode(401)
                    .contentType(startsWith("application/problem+json"))
                    .body("code", equalTo("INVALID_CREDENTIALS"))
                    .body("type", equalTo("urn:portico:problem:invalid-credentials"))
                    .body("detail", equalTo("wrong username or password"));
        }
    }

    @Test
    void everyAdminCallWithoutAValidTokenIs401() {
        for (String path : new String[] {"/admin/v1/nodes", "/admin/v1/revisions/current", "/admin/v1/users",
            "/admin/v1/apis", "/admin/v1/no-such-thing"}) {
            given().get(path).then().statusCode(401)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(401))
                    .body("code", equalTo("UNAUTHENTICATED"));
        }
        given().auth().oauth2("not.a.token").get("/admin/v1/nodes")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        String forged = Tokens.admin();
        forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA";
        given().auth().oauth2(forged).get("/admin/v1/nodes").then().statusCode(401);
    }

    @Test
    void aViewerReadsButCannotWrite() {
        users.create(new UserRequest("viewer-auth-it", "viewer-password-1", Roles.VIEWER));
        String viewer = Tokens.of("viewer-auth-it", "viewer-password-1");

        given().auth().oauth2(viewer).get("/admin/v1/nodes").then().statusCode(200);
        given().auth().oauth2(viewer).contentType(ContentType.JSON)
                .body(Map.of("username", "made-by-viewer", "password", "some-password-1", "role", "admin"))
                .post("/admin/v1/users")
                .then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(Tokens.admin()).get("/admin/v1/users/made-by-viewer").then().statusCode(404);
    }

    @Test
    void anAdminManagesUsers() {
        String admin = Tokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", "editor-auth-it", "password", "editor-password-1", "role", "editor"))
                .post("/admin/v1/users")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("username", equalTo("editor-auth-it"))
                .body("role", equalTo("editor"))
                .body("passwordHash", equalTo(null));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", "editor-auth-it", "password", "editor-password-1", "role", "editor"))
                .post("/admin/v1/users")
                .then().statusCode(409).body("code", equalTo("USERNAME_TAKEN"));
        given().auth().oauth2(admin).get("/admin/v1/users?limit=1")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("nextCursor", notNullValue());

        given().auth().oauth2(Tokens.of("editor-auth-it", "editor-password-1")).get("/admin/v1/users")
                .then().statusCode(403);
        given().auth().oauth2(admin).delete("/admin/v1/users/admin").then().statusCode(409)
                .body("code", equalTo("CANNOT_DELETE_SELF"));
        given().auth().oauth2(admin).delete("/admin/v1/users/editor-auth-it").then().statusCode(204);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "editor-auth-it", "password", "editor-password-1"))
                .post("/admin/v1/auth/token").then().statusCode(401);
    }
}
