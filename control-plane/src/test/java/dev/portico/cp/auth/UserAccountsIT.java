package dev.portico.cp.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.portico.cp.api.AdminCalls.badFields;
import static dev.portico.cp.api.AdminCalls.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Changing users (role, password reset, own password), the last admin, and what happens to their tokens. */
@QuarkusTest
class UserAccountsIT {

    private static final String USERS = "/admin/v1/users";
    private static final String OWN_PASSWORD = "/admin/v1/auth/password";

    @Test
    void aNewRoleTakesEffectOnTheNextRequestOfAnExistingToken() {
        String name = user(Roles.EDITOR);
        String token = Tokens.of(name, "first-password-1");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "by-" + name))
                .post("/admin/v1/apis").then().statusCode(201);

        patch(name, Map.of("role", Roles.VIEWER)).statusCode(200).body("role", equalTo("viewer"));

        problem(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "again-" + name))
                .post("/admin/v1/apis").then(), 403, "FORBIDDEN");
        given().auth().oauth2(token).get("/admin/v1/apis").then().statusCode(200);
        patch(name, Map.of("role", Roles.ADMIN)).statusCode(200);
        given().auth().oauth2(token).get(USERS).then().statusCode(200);
    }

    @Test
    void aPasswordResetRefusesTheUsersOlderTokens() {
        String name = user(Roles.VIEWER);
        String old = Tokens.of(name, "first-password-1");

        patch(name, Map.of("password", "second-password-2")).statusCode(200).body("role", equalTo("viewer"));

        problem(given().auth().oauth2(old).get("/admin/v1/apis").then(), 401, "UNAUTHENTICATED");
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", "first-password-1"))
                .post("/admin/v1/auth/token").then().statusCode(401);
        given().auth().oauth2(Tokens.of(name, "second-password-2")).get("/admin/v1/apis").then().statusCode(200);
    }

    @Test
    void anyUserChangesTheirOwnPasswordAndGetsANewToken() {
        String name = user(Roles.VIEWER);
        String old = Tokens.of(name, "first-password-1");

        String fresh = given().auth().oauth2(old).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "first-password-1", "newPassword", "my-own-password-3"))
                .post(OWN_PASSWORD).then().statusCode(200).body("token_type", equalTo("Bearer"))
                .extract().path("access_token");

        given().auth().oauth2(old).get("/admin/v1/apis").then().statusCode(401);
        given().auth().oauth2(fresh).get("/admin/v1/apis").then().statusCode(200);
        given().auth().oauth2(Tokens.of(name, "my-own-password-3")).get("/admin/v1/apis").then().statusCode(200);
        List<String> audit = given().auth().oauth2(Tokens.admin()).get("/admin/v1/audit-events?objectType=USER&actor=" + name)
                .then().statusCode(200).extract().jsonPath().getList("items.summary", String.class);
        assertThat(audit).containsExactly("user " + name + ": changed own password");
        assertThat(String.join(" ", audit)).doesNotContain("first-password-1", "my-own-password-3");
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndCountsAsAFailedLogin() {
        String name = user(Roles.EDITOR);
        String token = Tokens.of(name, "first-password-1");
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            ValidatableResponse wrong = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("currentPassword", "guess-" + i, "newPassword", "my-own-password-3"))
                    .post(OWN_PASSWORD).then();
            problem(wrong, 400, "WRONG_PASSWORD").body("errors[0].field", equalTo("currentPassword"));
        }
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "guess-x", "newPassword", "my-own-password-3"))
                .post(OWN_PASSWORD).then().statusCode(400);
        problem(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "first-password-1", "newPassword", "my-own-password-3"))
                .post(OWN_PASSWORD).then(), 429, "LOGIN_THROTTLED").header("Retry-After", equalTo("1"));
        given().auth().oauth2(token).get("/admin/v1/apis").then().statusCode(200);
    }

    @Test
    void newPasswordsFollowThePolicyEverywhere() {
        String name = user(Roles.EDITOR);
        String token = Tokens.of(name, "first-password-1");
        assertThat(badFields(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "first-password-1", "newPassword", "short"))
                .post(OWN_PASSWORD).then())).containsExactly("newPassword");
        assertThat(badFields(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "first-password-1", "newPassword", "first-password-1"))
                .post(OWN_PASSWORD).then())).containsExactly("newPassword");
        assertThat(badFields(patch(name, Map.of("password", "ä".repeat(40))))).containsExactly("password");
        assertThat(badFields(patch(name, Map.of("role", "root")))).containsExactly("role");
        String longName = "user-named-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(badFields(create(longName, longName, Roles.VIEWER))).containsExactly("password");
        assertThat(badFields(create("bad name!", "good-password-1", Roles.VIEWER))).containsExactly("username");
        problem(create(name.toUpperCase(), "good-password-1", Roles.VIEWER), 409, "USERNAME_TAKEN");
        problem(patch("nobody-" + name, Map.of("role", Roles.VIEWER)), 404, "NOT_FOUND");
        given().auth().oauth2(token).get("/admin/v1/apis").then().statusCode(200);
    }

    @Test
    void theLastAdminCanBeNeitherDemotedNorDeleted() {
        String other = user(Roles.ADMIN);
        String otherToken = Tokens.of(other, "first-password-1");
        // Demote every admin but "other" (tests running before may have made some), then "other" is last but one.
        for (String admin : admins()) {
            if (!admin.equals(other) && !admin.equals(AdminUsers.FIRST_ADMIN)) {
                patch(admin, Map.of("role", Roles.EDITOR)).statusCode(200);
            }
        }
        given().auth().oauth2(otherToken).contentType(ContentType.JSON).body(Map.of("role", Roles.EDITOR))
                .patch(USERS + "/" + AdminUsers.FIRST_ADMIN).then().statusCode(200);
        try {
            problem(given().auth().oauth2(otherToken).contentType(ContentType.JSON).body(Map.of("role", Roles.VIEWER))
                    .patch(USERS + "/" + other).then(), 409, "LAST_ADMIN");
            problem(given().auth().oauth2(otherToken).delete(USERS + "/" + other).then(), 409, "CANNOT_DELETE_SELF");
        } finally {
            given().auth().oauth2(otherToken).contentType(ContentType.JSON).body(Map.of("role", Roles.ADMIN))
                    .patch(USERS + "/" + AdminUsers.FIRST_ADMIN).then().statusCode(200);
        }
        // Two admins again: either may go.
        patch(other, Map.of("role", Roles.VIEWER)).statusCode(200);
        List<String> audit = given().auth().oauth2(Tokens.admin()).get("/admin/v1/audit-events?objectType=USER&limit=100")
                .then().extract().jsonPath().getList("items.summary", String.class);
        assertThat(audit).contains("user " + other + ": role admin → viewer", "user admin: role editor → admin");
        problem(given().auth().oauth2(Tokens.admin()).delete(USERS + "/" + AdminUsers.FIRST_ADMIN).then(),
                409, "CANNOT_DELETE_SELF");
    }

    private static List<String> admins() {
        return given().auth().oauth2(Tokens.admin()).get(USERS + "?limit=100").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.role == 'admin' }.username", String.class);
    }

    private static String user(String role) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        create(name, "first-password-1", role).statusCode(201);
        return name;
    }

    private static ValidatableResponse create(String name, String password, String role) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", password, "role", role)).post(USERS).then();
    }

    private static ValidatableResponse patch(String name, Map<String, String> body) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .patch(USERS + "/" + name).then();
    }
}
