package dev.portico.cp.console;

import dev.portico.cp.auth.Roles;
import dev.portico.cp.auth.Tokens;
import dev.portico.cp.testing.Endpoints;
import dev.portico.cp.testing.Endpoints.Endpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every console page and form, found by reflection, with a valid session and form token of each role:
 * viewers look but change nothing, editors do all but users, admins everything.
 */
@QuarkusTest
class ConsoleRoleEnforcementIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String USERS = "/console/users";
    /** Pages and forms without a session. */
    private static final Set<String> PUBLIC = Set.of("GET /", "GET /console/login", "POST /console/login");
    /** Forms any signed-in user sends about themselves. */
    private static final Set<String> SELF_SERVICE = Set.of("POST /console/logout", "POST /console/password");
    /** Pages that are only a form for a change: viewers get 403 there too. */
    private static final Set<String> WRITE_PAGES = Set.of(
            "GET /console/api-keys/{keyId}/delete", "GET /console/apis/{apiId}/delete",
            "GET /console/apis/{apiId}/authorizers/{authorizerId}",
            "GET /console/apis/{apiId}/authorizers/{authorizerId}/delete", "GET /console/apis/{apiId}/cors/delete",
            "GET /console/apis/{apiId}/gateway-responses/{type}/reset",
            "GET /console/apis/{apiId}/integrations/{integrationId}",
            "GET /console/apis/{apiId}/integrations/{integrationId}/delete",
            "GET /console/apis/{apiId}/models/{modelId}", "GET /console/apis/{apiId}/models/{modelId}/delete",
            "GET /console/apis/{apiId}/routes/{routeId}", "GET /console/apis/{apiId}/routes/{routeId}/delete",
            "GET /console/apis/{apiId}/stages/deploy", "GET /console/apis/{apiId}/stages/{stage}/rollback",
            "GET /console/usage-plans/new", "GET /console/usage-plans/{planId}/edit",
            "GET /console/usage-plans/{planId}/delete");

    private final Map<String, String> sessions = new HashMap<>();
    private final Map<String, String> csrf = new HashMap<>();

    @BeforeEach
    void signIn() {
        for (String role : List.of(Roles.ADMIN, Roles.EDITOR, Roles.VIEWER)) {
            String name = "console-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
            given().auth().oauth2(Tokens.admin()).contentType("application/json")
                    .body(Map.of("username", name, "password", "console-password-1", "role", role))
                    .post("/admin/v1/users").then().statusCode(201);
            String session = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("username", name).formParam("password", "console-password-1")
                    .post("/console/login").cookie(Sessions.COOKIE);
            sessions.put(role, session);
            Matcher token = CSRF.matcher(given().cookie(Sessions.COOKIE, session).get("/console").body().asString());
            assertThat(token.find()).isTrue();
            csrf.put(role, token.group(1));
        }
    }

    @Test
    void onlyLoginIsPublicAndTheWritePagesExist() {
        List<Endpoint> all = Endpoints.under("/");
        assertThat(all.stream().filter(e -> e.path().startsWith("/console") || e.path().equals("/")))
                .filteredOn(e -> !e.javaMethod().getDeclaringClass().isAnnotationPresent(SignedIn.class))
                .map(Endpoint::toString).containsExactlyInAnyOrderElementsOf(PUBLIC);
        assertThat(console().stream().map(Endpoint::toString)).containsAll(WRITE_PAGES).containsAll(SELF_SERVICE);
    }

    @Test
    void viewersSeeEverythingButUsersAndWritePagesAndChangeNothing() {
        for (Endpoint e : console()) {
            int status = call(Roles.VIEWER, e);
            boolean refused = e.path().startsWith(USERS) || WRITE_PAGES.contains(e.toString())
                    || !e.reads() && !SELF_SERVICE.contains(e.toString());
            if (refused) {
                assertThat(status).as(e.toString()).isEqualTo(403);
            } else {
                assertThat(status).as(e.toString()).isNotEqualTo(403);
            }
        }
    }

    @Test
    void editorsDoEverythingButUsers() {
        for (Endpoint e : console()) {
            int status = call(Roles.EDITOR, e);
            if (e.path().startsWith(USERS)) {
                assertThat(status).as(e.toString()).isEqualTo(403);
            } else {
                assertThat(status).as(e.toString()).isNotEqualTo(403);
            }
        }
    }

    @Test
    void adminsDoEverything() {
        for (Endpoint e : console()) {
            assertThat(call(Roles.ADMIN, e)).as(e.toString()).isNotEqualTo(403);
        }
    }

    @Test
    void theUsersLinkIsOnlyInAnAdminsNavigation() {
        for (String role : List.of(Roles.ADMIN, Roles.EDITOR, Roles.VIEWER)) {
            String page = given().cookie(Sessions.COOKIE, sessions.get(role)).get("/console/apis").body().asString();
            assertThat(page.contains("href=\"/console/users\"")).as(role).isEqualTo(role.equals(Roles.ADMIN));
            assertThat(page).as(role).contains("href=\"/console/password\"");
        }
    }

    private List<Endpoint> console() {
        return Endpoints.under("/console").stream()
                .filter(e -> e.javaMethod().getDeclaringClass().isAnnotationPresent(SignedIn.class)).toList();
    }

    /** With a valid form token, empty fields, and ids nothing has: a form let through answers 400 or 404. */
    private int call(String role, Endpoint e) {
        var request = given().redirects().follow(false).cookie(Sessions.COOKIE, sessions.get(role));
        if (!e.reads()) {
            request.contentType("application/x-www-form-urlencoded").formParam(Sessions.CSRF_FIELD, csrf.get(role));
        }
        Response answer = request.request(e.method(), e.concretePath());
        return answer.statusCode();
    }
}
