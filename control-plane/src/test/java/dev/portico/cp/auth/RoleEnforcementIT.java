package dev.portico.cp.auth;

import dev.portico.cp.testing.Endpoints;
import dev.portico.cp.testing.Endpoints.Endpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every admin REST endpoint, found by reflection, against real tokens of the three roles: viewers
 * read and change nothing, editors do all but users, admins everything. An endpoint added without a
 * role fails here.
 */
@QuarkusTest
class RoleEnforcementIT {

    private static final String ADMIN_API = "/admin/v1";
    /** Who may call these without a token. */
    private static final Set<String> PUBLIC = Set.of("POST /admin/v1/auth/token");
    /** Changes any signed-in user makes to themselves. */
    private static final Set<String> SELF_SERVICE = Set.of("POST /admin/v1/auth/password");
    private static final String USERS = "/admin/v1/users";

    private final Map<String, String> tokens = new java.util.HashMap<>();

    @BeforeEach
    void users() {
        for (String role : List.of(Roles.ADMIN, Roles.EDITOR, Roles.VIEWER)) {
            String name = "enforce-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
            given().auth().oauth2(Tokens.admin()).contentType("application/json")
                    .body(Map.of("username", name, "password", "enforce-password-1", "role", role))
                    .post(USERS).then().statusCode(201);
            tokens.put(role, Tokens.of(name, "enforce-password-1"));
        }
    }

    @Test
    void everyEndpointNamesItsRolesAndOnlyTheTokenEndpointIsPublic() {
        List<Endpoint> endpoints = Endpoints.under(ADMIN_API);
        assertThat(endpoints).hasSizeGreaterThan(40);
        List<String> unguarded = new ArrayList<>();
        for (Endpoint e : endpoints) {
            if (e.permitAll() ? !PUBLIC.contains(e.toString()) : e.roles().isEmpty()) {
                unguarded.add(e.toString());
            }
            if (!e.reads() && !SELF_SERVICE.contains(e.toString()) && !e.permitAll()) {
                assertThat(e.roles()).as(e.toString()).doesNotContain(Roles.VIEWER);
            }
        }
        assertThat(unguarded).as("endpoints without @RolesAllowed").isEmpty();
        assertThat(endpoints.stream().filter(Endpoint::permitAll).map(Endpoint::toString)).containsExactlyElementsOf(PUBLIC);
    }

    @Test
    void viewersReadEverythingButUsersAndChangeNothing() {
        for (Endpoint e : guarded()) {
            int status = call(Roles.VIEWER, e);
            if (e.path().startsWith(USERS) || !e.reads() && !SELF_SERVICE.contains(e.toString())) {
                assertThat(status).as(e.toString()).isEqualTo(403);
            } else {
                assertThat(status).as(e.toString()).isNotIn(401, 403);
            }
        }
    }

    @Test
    void editorsDoEverythingButUsers() {
        for (Endpoint e : guarded()) {
            int status = call(Roles.EDITOR, e);
            if (e.path().startsWith(USERS)) {
                assertThat(status).as(e.toString()).isEqualTo(403);
            } else {
                assertThat(status).as(e.toString()).isNotIn(401, 403);
            }
        }
    }

    @Test
    void adminsDoEverything() {
        for (Endpoint e : guarded()) {
            assertThat(call(Roles.ADMIN, e)).as(e.toString()).isNotIn(401, 403);
        }
    }

    private static List<Endpoint> guarded() {
        return Endpoints.under(ADMIN_API).stream().filter(e -> !e.permitAll()).toList();
    }

    /** Nothing exists at the ids used, and bodies are empty: a call let through answers 400, 404 or the like. */
    private int call(String role, Endpoint e) {
        RequestSpecification request = given().auth().oauth2(tokens.get(role)).redirects().follow(false);
        if (e.consumes() != null && !e.reads()) {
            request.contentType(e.consumes()).body("");
        }
        return request.request(e.method(), e.concretePath()).statusCode();
    }
}
