package dev.portico.cp.console;

import dev.portico.cp.api.ApiRequests;
import dev.portico.cp.api.ApiService;
import dev.portico.cp.api.IntegrationRequest;
import dev.portico.cp.api.IntegrationService;
import dev.portico.cp.api.RouteRequest;
import dev.portico.cp.api.RouteService;
import dev.portico.cp.api.Throttle;
import dev.portico.cp.auth.Tokens;
import dev.portico.cp.deployment.DeploymentRequests;
import dev.portico.cp.deployment.DeploymentService;
import dev.portico.cp.deployment.RouteSettings;
import dev.portico.cp.deployment.StageService;
import dev.portico.cp.deployment.StageView;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The stage page: variables and throttles saved as one change (or refused with nothing saved), and the history. */
@QuarkusTest
class ConsoleStagesIT {

    @Inject
    ApiService apis;

    @Inject
    IntegrationService integrations;

    @Inject
    RouteService routes;

    @Inject
    DeploymentService deployments;

    @Inject
    StageService stages;

    private String session;
    private String csrf;
    private String apiId;
    private String page;

    @BeforeEach
    void liveStage() {
        session = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", "admin").formParam("password", Tokens.ADMIN_PASSWORD)
                .formParam("next", "/console").post("/console/login").cookie("portico_session");
        apiId = apis.create(new ApiRequests.Create("stages-" + UUID.randomUUID(), null)).id();
        String integration = integrations.create(apiId, new IntegrationRequest("MOCK", null, null, null, null, 200,
                null, "ok")).id();
        routes.create(apiId, new RouteRequest("GET /items/{id}", integration, null, null));
        deployments.deploy(apiId, new DeploymentRequests.Deploy("prod", "first release"), "admin");
        page = "/console/apis/" + apiId + "/stages/prod";
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(page));
        assertThat(token.find()).isTrue();
        csrf = token.group(1);
    }

    @Test
    void thePageShowsTheRoutesAndTheHistoryAndIsLinkedFromTheStagesTab() {
        assertThat(get("/console/apis/" + apiId + "/stages")).contains("href=\"/console/apis/" + apiId + "/stages/prod\"");
        String html = get(page);
        assertThat(html).contains("<code>GET /items/{id}</code>", "name=\"routes[0]\" value=\"GET /items/{id}\"",
                "<td data-label=\"Who\">admin</td>", "<span class=\"badge\">DEPLOY</span>", "nothing → v1",
                "first release");
    }

    @Test
    void badThrottlesAreShownAtTheirFieldsAndNothingIsSaved() {
        StageView before = stages.get(apiId, "prod");
        Response answer = post(form("host", "127.0.0.1:9000", "-1", "0", "5", "0"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body().asString())
                .contains("id=\"throttle.rateLimit-error\">must be a number of requests per second greater than 0, got -1.0")
                .contains("id=\"throttle.burstLimit-error\">must be a whole number of at least 1, got 0")
                .contains("id=\"route-0-burst-error\">must be a whole number of at least 1, got 0")
                .contains("value=\"-1\"", "value=\"127.0.0.1:9000\"");
        StageView after = stages.get(apiId, "prod");
        assertThat(after.revision()).isEqualTo(before.revision());
        assertThat(after.variables()).isEmpty();
        assertThat(after.throttle()).isNull();
    }

    @Test
    void aNumberFieldHoldingNoNumberIsRefusedAtItsField() {
        Response answer = post(form("", "", "fast", "10", "", ""));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body().asString()).contains("id=\"throttle.rateLimit-error\">must be a number, got &quot;fast&quot;");
        assertThat(stages.get(apiId, "prod").throttle()).isNull();
    }

    @Test
    void savingSetsVariablesAndThrottlesAndAnEmptyRowRemovesAVariable() {
        Response saved = post(form("host", "127.0.0.1:9000", "10", "20", "5", "10"));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith("/stages/prod?saved=1");
        StageView stage = stages.get(apiId, "prod");
        assertThat(stage.variables()).containsExactly(Map.entry("host", "127.0.0.1:9000"));
        assertThat(stage.throttle()).isEqualTo(new Throttle(10.0, 20));
        assertThat(stage.routeSettings()).containsExactly(
                Map.entry("GET /items/{id}", new RouteSettings(new Throttle(5.0, 10))));
        assertThat(get(page + "?saved=1")).contains("Saved.", "value=\"127.0.0.1:9000\"");

        assertThat(post(form("", "", "", "", "", "")).statusCode()).isEqualTo(303);
        StageView cleared = stages.get(apiId, "prod");
        assertThat(cleared.variables()).isEmpty();
        assertThat(cleared.throttle()).isNull();
        assertThat(cleared.routeSettings()).isEmpty();
    }

    @Test
    void aStaleFormIsRefusedInsteadOfOverwritingANewerChange() {
        Map<String, String> old = form("a", "1", "", "", "", "");
        stages.patch(apiId, "prod", null, new DeploymentRequests.PatchStage(null, null, Map.of("b", "2"), null, null),
                "admin");

        assertThat(post(old).statusCode()).isEqualTo(412);
        assertThat(stages.get(apiId, "prod").variables()).containsExactly(Map.entry("b", "2"));
    }

    @Test
    void aRollbackShowsInTheHistoryWithItsReason() {
        deployments.deploy(apiId, new DeploymentRequests.Deploy("prod", "second"), "admin");
        stages.rollback(apiId, "prod", new DeploymentRequests.Rollback(null, "v2 is wrong"), "admin");

        assertThat(get(page)).contains("v1 → v2", "v2 → v1", "<span class=\"badge\">ROLLBACK</span>", "v2 is wrong");
    }

    /** One variable row, the stage throttle and the one route's throttle, at the revision the page showed. */
    private Map<String, String> form(String name, String value, String rate, String burst, String routeRate,
                                     String routeBurst) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("revision", Long.toString(stages.get(apiId, "prod").revision()));
        fields.put("variables[0].name", name);
        fields.put("variables[0].value", value);
        fields.put("throttle.rateLimit", rate);
        fields.put("throttle.burstLimit", burst);
        fields.put("routes[0]", "GET /items/{id}");
        fields.put("routes[0].rateLimit", routeRate);
        fields.put("routes[0].burstLimit", routeBurst);
        return fields;
    }

    private String get(String path) {
        return given().cookie("portico_session", session).get(path).then().statusCode(200).extract().body().asString();
    }

    private Response post(Map<String, String> fields) {
        var request = given().redirects().follow(false).cookie("portico_session", session)
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf);
        fields.forEach(request::formParam);
        return request.post(page);
    }
}
