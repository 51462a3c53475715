package dev.portico.cp.console;

import dev.portico.cp.api.ApiRequests;
import dev.portico.cp.api.ApiService;
import dev.portico.cp.api.IntegrationRequest;
import dev.portico.cp.api.IntegrationService;
import dev.portico.cp.api.RouteService;
import dev.portico.cp.deployment.DeploymentService;
import dev.portico.cp.paging.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Console forms: bad input shows each error next to its field, keeps what was typed and saves nothing. */
@QuarkusTest
class ConsoleFormsIT {

    private static final PageRequest ALL = PageRequest.of(100, null);

    @Inject
    ApiService apis;

    @Inject
    RouteService routes;

    @Inject
    IntegrationService integrations;

    @Inject
    DeploymentService deployments;

    private SignedInAdmin admin;
    private String apiId;

    @BeforeEach
    void signIn() {
        admin = SignedInAdmin.signIn();
        apiId = apis.create(new ApiRequests.Create("forms-" + UUID.randomUUID(), null)).id();
    }

    @Test
    void anInvalidRouteKeyIsShownAtItsFieldAndNothingIsSaved() {
        String integration = integrations.create(apiId, new IntegrationRequest("MOCK", null, null, null, null, 200,
                null, "ok")).id();
        Response answer = post("/console/apis/" + apiId + "/routes",
                Map.of("routeKey", "GET items", "integrationId", integration, "apiKeyRequired", "true"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body().asString())
                .contains("id=\"routeKey-error\">path must start with &quot;/&quot;, got &quot;items&quot;")
                .contains("value=\"GET items\"")
                .contains("<option value=\"" + integration + "\" selected>")
                .contains("name=\"apiKeyRequired\" value=\"true\" checked");
        assertThat(routes.list(apiId, ALL).items()).isEmpty();
    }

    @Test
    void everyBadIntegrationFieldIsShownAtOnceNumbersIncluded() {
        Response answer = post("/console/apis/" + apiId + "/integrations",
                Map.of("type", "HTTP_PROXY", "uri", "ftp://x", "method", "GET", "timeoutMillis", "soon"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body().asString())
                .contains("id=\"uri-error\">must be an absolute http:// or https:// URL")
                .contains("id=\"timeoutMillis-error\">must be a whole number, got &quot;soon&quot;")
                .contains("value=\"ftp://x\"", "value=\"soon\"");
        assertThat(integrations.list(apiId, ALL).items()).isEmpty();
    }

    @Test
    void anEmptyApiNameIsRefused() {
        String description = "kept-" + UUID.randomUUID();
        Response answer = post("/console/apis", Map.of("name", " ", "description", description));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body().asString()).contains("id=\"name-error\">is required", ">" + description + "</textarea>");
        assertThat(apis.list(ALL).items()).noneMatch(a -> description.equals(a.description()));
    }

    @Test
    void deployingWithoutAStageNameOrWithABadOneDeploysNothing() {
        for (String stage : new String[] {"", "not ok!"}) {
            Response answer = post("/console/apis/" + apiId + "/stages/deploy",
                    Map.of("stage", "", "newStage", stage, "description", "first"));
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body().asString()).contains("id=\"newStage-error\"", ">first</textarea>");
        }
        assertThat(deployments.list(apiId, ALL).items()).isEmpty();
    }

    @Test
    void aDeployEndsOnTheRolloutPage() {
        Response answer = post("/console/apis/" + apiId + "/stages/deploy",
                Map.of("stage", "", "newStage", "prod", "description", "first"));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).startsWith("/console/apis/" + apiId + "/stages/rollout?revision=")
                .endsWith("&action=deploy&stage=prod&version=1");
        String rollout = admin.page(answer.header("Location"));
        assertThat(rollout).contains("Deploy prod to v1");
        assertThat(deployments.list(apiId, ALL).items()).hasSize(1);
    }

    private Response post(String path, Map<String, String> fields) {
        return admin.post(path, fields);
    }
}
