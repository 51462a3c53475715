package dev.portico.cp.console;

import dev.portico.cp.api.ApiRequests;
import dev.portico.cp.api.ApiService;
import dev.portico.cp.apikey.ApiKeyService;
import dev.portico.cp.apikey.ApiKeyView;
import dev.portico.cp.auth.Tokens;
import dev.portico.cp.deployment.DeploymentRequests;
import dev.portico.cp.deployment.DeploymentService;
import dev.portico.cp.paging.PageRequest;
import dev.portico.cp.usage.UsageLedger;
import dev.portico.cp.usageplan.SubscriptionService;
import dev.portico.cp.usageplan.UsagePlanService;
import dev.portico.cp.usageplan.UsagePlanView;
import dev.portico.snapshot.fleet.UsageReport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Console pages for API keys, usage plans and the dashboard's charts, through real forms and PostgreSQL. */
@QuarkusTest
class ConsoleKeysAndPlansIT {

    private static final PageRequest ALL = PageRequest.of(100, null);

    @Inject
    ApiService apis;

    @Inject
    DeploymentService deployments;

    @Inject
    ApiKeyService keys;

    @Inject
    UsagePlanService plans;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    UsageLedger ledger;

    private String session;
    private String csrf;
    private String apiId;

    @BeforeEach
    void signIn() {
        session = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", "admin").formParam("password", Tokens.ADMIN_PASSWORD)
                .formParam("next", "/console").post("/console/login").cookie("portico_session");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/console/api-keys"));
        assertThat(token.find()).isTrue();
        csrf = token.group(1);
        apiId = apis.create(new ApiRequests.Create("plans-" + UUID.randomUUID(), null)).id();
        deployments.deploy(apiId, new DeploymentRequests.Deploy("prod", "first"), "admin");
    }

    @Test
    void aNewKeysValueIsShownOnceAndNeverStored() {
        String name = "key-" + UUID.randomUUID();
        Response created = post("/console/api-keys", Map.of("name", name, "description", "for the test"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        Matcher value = Pattern.compile("id=\"key-value\" class=\"secret\" value=\"([^\"]+)\"")
                .matcher(created.body().asString());
        assertThat(value.find()).isTrue();
        assertThat(value.group(1)).startsWith("pk_");
        assertThat(created.body().asString()).contains("it will not be shown again", "data-copy=\"key-value\"");
        ApiKeyView key = keys.list(ALL).items().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
        assertThat(get("/console/api-keys")).contains(name).doesNotContain(value.group(1));
        assertThat(get("/console/api-keys/" + key.id())).doesNotContain(value.group(1));
    }

    @Test
    void aKeyWithoutANameIsRefusedAtItsField() {
        int before = keys.list(ALL).items().size();
        Response answer = post("/console/api-keys", Map.of("name", " ", "description", "kept"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body().asString()).contains("id=\"name-error\">is required", ">kept</textarea>");
        assertThat(keys.list(ALL).items()).hasSize(before);
    }

    @Test
    void aKeyIsDisabledSubscribedAndDeleted() {
        String keyId = keys.create(new dev.portico.cp.apikey.ApiKeyRequests.Create("toggle", null, null)).id();
        String planId = createPlan("toggle-plan-" + UUID.randomUUID());

        assertThat(post("/console/api-keys/" + keyId + "/enabled", Map.of("enabled", "false")).statusCode()).isEqualTo(303);
        assertThat(keys.get(keyId).enabled()).isFalse();
        assertThat(post("/console/api-keys/" + keyId + "/plans", Map.of("planId", planId)).statusCode()).isEqualTo(303);
        assertThat(subscriptions.list(planId, ALL).items()).extracting(s -> s.keyId()).containsExactly(keyId);
        Response twice = post("/console/api-keys/" + keyId + "/plans", Map.of("planId", planId));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body().asString()).contains("id=\"planId-error\">API key " + keyId + " is already subscribed");

        assertThat(get("/console/api-keys/" + keyId + "/delete")).contains("Delete API key toggle?");
        assertThat(post("/console/api-keys/" + keyId + "/delete", Map.of()).header("Location")).isEqualTo("/console/api-keys");
        assertThat(keys.list(ALL).items()).noneMatch(k -> k.id().equals(keyId));
    }

    @Test
    void badLimitsAreShownAtTheirFieldsAndSaveNothing() {
        String name = "bad-" + UUID.randomUUID();
        Map<String, String> fields = new LinkedHashMap<>(Map.of("name", name, "throttle.rateLimit", "-5",
                "throttle.burstLimit", "0", "quota.limit", "", "quota.period", "", "apiStages[0]", apiId + "/prod"));
        Response answer = post("/console/usage-plans", fields);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body().asString())
                .contains("id=\"throttle.rateLimit-error\">must be a number of requests per second greater than 0, got -5.0")
                .contains("id=\"throttle.burstLimit-error\">must be a whole number of at least 1, got 0")
                .contains("value=\"-5\"", "<option value=\"" + apiId + "/prod\" selected>");
        fields.put("throttle.rateLimit", "fast");
        fields.put("throttle.burstLimit", "10");
        assertThat(post("/console/usage-plans", fields).body().asString())
                .contains("id=\"throttle.rateLimit-error\">must be a number, got &quot;fast&quot;");
        fields.put("throttle.rateLimit", "10");
        fields.put("apiStages[0]", apiId + "/nosuchstage");
        assertThat(post("/console/usage-plans", fields).body().asString())
                .contains("id=\"apiStages[0]-error\">API " + apiId + " has no stage nosuchstage");
        assertThat(plans.list(ALL).items()).noneMatch(p -> p.name().equals(name));
    }

    @Test
    void aPlanIsCreatedEditedAndShowsItsKeysUsagePerDay() {
        String name = "gold-" + UUID.randomUUID();
        String planId = createPlan(name);
        UsagePlanView plan = plans.get(planId);
        assertThat(plan.throttle().rateLimit()).isEqualTo(5.0);
        assertThat(plan.quota().limit()).isEqualTo(1000L);
        assertThat(plan.apiStages()).extracting(s -> s.apiId() + "/" + s.stage()).containsExactly(apiId + "/prod");

        Response edited = post("/console/usage-plans/" + planId, Map.of("name", name, "throttle.rateLimit", "",
                "throttle.burstLimit", "", "quota.limit", "50", "quota.period", "WEEK", "quota.offset", "0",
                "apiStages[0]", apiId + "/prod", "apiStages[1]", ""));
        assertThat(edited.statusCode()).isEqualTo(303);
        assertThat(plans.get(planId).throttle()).isNull();
        assertThat(plans.get(planId).quota().period()).isEqualTo("WEEK");

        String keyId = keys.create(new dev.portico.cp.apikey.ApiKeyRequests.Create("charted", null, null)).id();
        subscriptions.subscribe(planId, new SubscriptionService.Subscribe(keyId));
        LocalDate today = LocalDate.now(Clock.systemUTC());
        assertThat(ledger.record("console-node", new UsageReport(UUID.randomUUID().toString(), 1,
                List.of(new UsageReport.UsageCount(keyId, planId, today.toString(), 42))))).isTrue();

        String page = get("/console/usage-plans/" + planId);
        assertThat(page).contains("<svg class=\"chart\"", "<polyline class=\"series-0\"", "<title>charted</title>")
                .contains("data-key-id=\"" + keyId + "\"><span class=\"swatch\" aria-hidden=\"true\"></span>charted: "
                        + "<strong>42</strong> requests in the last 7 days");
        assertThat(post("/console/usage-plans/" + planId + "/keys/" + keyId + "/delete", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(subscriptions.list(planId, ALL).items()).isEmpty();
        assertThat(post("/console/usage-plans/" + planId + "/delete", Map.of()).statusCode()).isEqualTo(303);
        assertThat(plans.list(ALL).items()).noneMatch(p -> p.id().equals(planId));
    }

    @Test
    void theDashboardDrawsRequestsErrorsAndLatencyAsCharts() {
        String page = get("/console");
        assertThat(Pattern.compile("<svg class=\"chart\"").matcher(page).results().count()).isEqualTo(3);
        assertThat(page).contains("aria-label=\"Requests per minute, last hour\"", "aria-label=\"Errors per minute, last hour\"",
                "aria-label=\"Latency, last hour\"", "<title>4xx</title>", "<title>p99</title>");
    }

    private String createPlan(String name) {
        Response created = post("/console/usage-plans", Map.of("name", name, "throttle.rateLimit", "5",
                "throttle.burstLimit", "10", "quota.limit", "1000", "quota.period", "DAY", "quota.offset", "",
                "apiStages[0]", apiId + "/prod", "apiStages[1]", ""));
        assertThat(created.statusCode()).as(created.body().asString()).isEqualTo(303);
        return created.header("Location").replaceAll(".*/usage-plans/", "");
    }

    private String get(String path) {
        return given().redirects().follow(false).cookie("portico_session", session).get(path).body().asString();
    }

    private Response post(String path, Map<String, String> fields) {
        var request = given().redirects().follow(false).cookie("portico_session", session)
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf);
        fields.forEach(request::formParam);
        return request.post(path);
    }
}
