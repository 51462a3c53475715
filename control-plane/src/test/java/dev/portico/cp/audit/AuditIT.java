package dev.portico.cp.audit;

import dev.portico.cp.auth.UserAccounts;
import dev.portico.cp.auth.Roles;
import dev.portico.cp.auth.Tokens;
import dev.portico.cp.auth.UserRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Changes through the admin API and the console land in one audit log, with who made them. */
@QuarkusTest
class AuditIT {

    private static final String EVENTS = "/admin/v1/audit-events";

    @Inject
    UserAccounts users;

    private String admin;
    private String editor;

    @BeforeEach
    void users() {
        admin = Tokens.admin();
        editor = "editor-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", editor, "password", "editor-password-1", "role", Roles.EDITOR))
                .post("/admin/v1/users").then().statusCode(201);
    }

    @Test
    void aChangeThroughTheApiAndOneThroughTheConsoleAreRecordedWithTheirActors() {
        String viaApi = "audit-api-" + UUID.randomUUID();
        String apiId = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", viaApi))
                .post("/admin/v1/apis").then().statusCode(201).extract().path("id");
        String viaConsole = "audit-console-" + UUID.randomUUID();
        consolePost(editor, "/console/apis", Map.of("name", viaConsole, "description", ""));

        JsonPath apis = events("objectType=API&limit=100");
        assertThat(apis.getList("items.findAll { it.summary == 'API " + viaApi + "' }.actor")).containsExactly("admin");
        assertThat(apis.getList("items.findAll { it.summary == 'API " + viaApi + "' }.objectId")).containsExactly(apiId);
        assertThat(apis.getList("items.findAll { it.summary == 'API " + viaConsole + "' }.actor"))
                .containsExactly(editor);
        assertThat(apis.getList("items.findAll { it.summary == 'API " + viaConsole + "' }.action"))
                .containsExactly("CREATE");
        assertThat(events("actor=" + editor).getList("items.summary", String.class))
                .containsExactly("API " + viaConsole);
        assertThat(events("actor=admin&objectType=USER").getList("items.objectId", String.class)).contains(editor);
    }

    @Test
    void aRefusedChangeRecordsNothing() {
        long newest = newestId();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", " "))
                .post("/admin/v1/apis").then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "bad-route", "throttle", Map.of("rateLimit", -1, "burstLimit", 0)))
                .post("/admin/v1/usage-plans").then().statusCode(400);

        assertThat(newestId()).isEqualTo(newest);
    }

    @Test
    void pagesAreNewestFirstAndEndWithANullCursor() {
        String apiId = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "paged"))
                .post("/admin/v1/apis").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "paged-2"))
                .patch("/admin/v1/apis/" + apiId).then().statusCode(200);
        given().auth().oauth2(admin).delete("/admin/v1/apis/" + apiId).then().statusCode(204);

        JsonPath first = events("actor=admin&objectType=API&limit=2");
        assertThat(first.getList("items.action", String.class)).containsExactly("DELETE", "UPDATE");
        assertThat(first.getList("items.objectId", String.class)).containsOnly(apiId);
        JsonPath second = events("actor=admin&objectType=API&limit=1&cursor=" + first.getString("nextCursor"));
        assertThat(second.getList("items.action", String.class)).containsExactly("CREATE");
        assertThat(second.getLong("items[0].id")).isLessThan(first.getLong("items[1].id"));

        List<Long> ids = events("limit=100").getList("items.id", Long.class);
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void anyRoleReadsTheLogAndAnUnknownTypeIsRefused() {
        users.create(new UserRequest("viewer-" + editor, "viewer-password-1", Roles.VIEWER));
        String viewer = Tokens.of("viewer-" + editor, "viewer-password-1");
        given().auth().oauth2(viewer).get(EVENTS).then().statusCode(200);
        given().get(EVENTS).then().statusCode(401);
        given().auth().oauth2(viewer).get(EVENTS + "?objectType=widget").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("objectType"));
    }

    @Test
    void theConsolePageShowsTheLogFilteredAndRefusesAnUnknownType() {
        String viaConsole = "audit-page-" + UUID.randomUUID();
        String session = consolePost(editor, "/console/apis", Map.of("name", viaConsole, "description", ""));

        String page = given().cookie("portico_session", session).get("/console/audit?actor=" + editor + "&objectType=API")
                .then().statusCode(200).extract().body().asString();
        assertThat(page).contains("API " + viaConsole, "<td data-label=\"Who\">" + editor + "</td>",
                "<option value=\"API\" selected>", "href=\"/console/audit\" aria-current=\"page\"");
        String others = given().cookie("portico_session", session).get("/console/audit?objectType=USAGE_PLAN")
                .then().statusCode(200).extract().body().asString();
        assertThat(others).doesNotContain("API " + viaConsole);
        String refused = given().cookie("portico_session", session).get("/console/audit?objectType=widget")
                .then().statusCode(400).extract().body().asString();
        assertThat(refused).contains("id=\"objectType-error\">must be one of");
    }

    private JsonPath events(String query) {
        return given().auth().oauth2(admin).get(EVENTS + "?" + query).then().statusCode(200).extract().jsonPath();
    }

    private long newestId() {
        return events("limit=1").getLong("items[0].id");
    }

    /** Signs in to the console, posts the form and answers the session. */
    private static String consolePost(String username, String path, Map<String, String> fields) {
        String session = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", "editor-password-1")
                .formParam("next", "/console").post("/console/login").cookie("portico_session");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(given().cookie("portico_session", session).get("/console/apis").body().asString());
        assertThat(token.find()).isTrue();
        var request = given().redirects().follow(false).cookie("portico_session", session)
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", token.group(1));
        fields.forEach(request::formParam);
        assertThat(request.post(path).statusCode()).isEqualTo(303);
        return session;
    }
}
