package dev.portico.cp.console;

import dev.portico.cp.auth.Roles;
import dev.portico.cp.auth.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The Users page (admins) and Change password (everyone), through the console's forms. */
@QuarkusTest
class ConsoleUsersIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void anAdminCreatesChangesResetsAndDeletesAUser() {
        String admin = adminSession();
        String name = "made-" + UUID.randomUUID().toString().substring(0, 8);

        Response refused = post(admin, "/console/users", Map.of("username", name, "password", "short", "role", "editor"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("id=\"password-error\">must be at least 12 characters",
                "value=\"" + name + "\"", "value=\"editor\" selected").doesNotContain("value=\"short\"");
        given().auth().oauth2(Tokens.admin()).get("/admin/v1/users/" + name).then().statusCode(404);

        Response created = post(admin, "/console/users", Map.of("username", name, "password", "made-password-1",
                "role", "editor"));
        assertThat(created.header("Location")).isEqualTo("/console/users/" + name);
        assertThat(post(admin, "/console/users/" + name + "/role", Map.of("role", "viewer")).header("Location"))
                .isEqualTo("/console/users/" + name + "?saved=1");
        given().auth().oauth2(Tokens.admin()).get("/admin/v1/users/" + name).then().statusCode(200)
                .body("role", org.hamcrest.Matchers.equalTo(Roles.VIEWER));
        assertThat(page(admin, "/console/users/" + name + "?saved=1").body().asString()).contains("Saved.");
        Response badRole = post(admin, "/console/users/" + name + "/role", Map.of("role", "root"));
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.body().asString()).contains("id=\"role-error\">must be one of admin, editor, viewer");

        String userSession = session(name, "made-password-1");
        post(admin, "/console/users/" + name + "/password", Map.of("password", "reset-password-2"));
        assertThat(page(userSession, "/console").statusCode()).isEqualTo(303);
        session(name, "reset-password-2");

        assertThat(post(admin, "/console/users/" + name + "/delete", Map.of()).header("Location")).isEqualTo("/console/users");
        given().auth().oauth2(Tokens.admin()).get("/admin/v1/users/" + name).then().statusCode(404);
    }

    @Test
    void anyoneChangesTheirOwnPasswordAndStaysSignedIn() {
        String name = "own-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("username", name, "password", "own-password-1", "role", Roles.VIEWER))
                .post("/admin/v1/users").then().statusCode(201);
        String session = session(name, "own-password-1");

        Response wrong = post(session, "/console/password", Map.of("currentPassword", "not-it",
                "newPassword", "own-password-2", "newPasswordAgain", "own-password-2"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body().asString()).contains("id=\"currentPassword-error\">is not your current password");
        Response mismatch = post(session, "/console/password", Map.of("currentPassword", "own-password-1",
                "newPassword", "own-password-2", "newPasswordAgain", "own-password-3"));
        assertThat(mismatch.body().asString()).contains("id=\"newPasswordAgain-error\">does not match the new password");

        Response changed = post(session, "/console/password", Map.of("currentPassword", "own-password-1",
                "newPassword", "own-password-2", "newPasswordAgain", "own-password-2"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.header("Location")).isEqualTo("/console/password?changed=1");
        String renewed = changed.cookie(Sessions.COOKIE);
        assertThat(page(renewed, "/console/password?changed=1").body().asString()).contains("Password changed.");
        assertThat(page(session, "/console").statusCode()).isEqualTo(303);
        session(name, "own-password-2");
    }

    private static String adminSession() {
        return session("admin", Tokens.ADMIN_PASSWORD);
    }

    private static String session(String username, String password) {
        Response login = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", password).post("/console/login");
        assertThat(login.statusCode()).as("sign in " + username).isEqualTo(303);
        return login.cookie(Sessions.COOKIE);
    }

    private static Response post(String session, String path, Map<String, String> fields) {
        Matcher token = CSRF.matcher(page(session, "/console").body().asString());
        assertThat(token.find()).isTrue();
        return given().redirects().follow(false).cookie(Sessions.COOKIE, session)
                .contentType("application/x-www-form-urlencoded").formParams(fields)
                .formParam(Sessions.CSRF_FIELD, token.group(1)).post(path);
    }

    private static Response page(String session, String path) {
        return given().redirects().follow(false).cookie(Sessions.COOKIE, session).get(path);
    }
}
