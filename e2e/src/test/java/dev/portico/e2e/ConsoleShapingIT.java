package dev.portico.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shaping responses by clicking, in Debian's Chromium against the packaged control plane, a real
 * node and a real backend: a response mapping row on the integration (a reserved header refused at
 * its row first), a customised INVALID_API_KEY on the Gateway responses tab (an unknown variable
 * refused at the body first), deploy, and the node answers as configured; then the reset, after
 * asking, is pending until the next deploy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleShapingIT {

    private ControlPlane cp;
    private Node node;
    private Backend backend;
    private Browser browser;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    void start() {
        cp = ControlPlane.start("shaping-cp");
        node = Node.start("shaping-node-1", cp);
        backend = Backend.start("items");
        browser = Browser.launch();
        context = browser.newContext(Browser.Viewport.DESKTOP);
        page = context.newPage();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        node.close();
        cp.close();
        backend.close();
    }

    @Test
    void mapTheBackendsResponseAndCustomiseTheGatewaysOwnAnswers() {
        page.navigate(cp.url() + "/console/login");
        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password").fill(ControlPlane.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        String apiId = cp.admin().post("/admin/v1/apis", Map.of("name", "shaped")).expect(201).json().get("id").asText();

        // A response mapping row: a reserved header is refused at its row, what was typed is kept.
        page.navigate(cp.url() + "/console/apis/" + apiId + "/integrations");
        page.getByLabel("Type").selectOption("HTTP_PROXY");
        page.getByLabel("Backend URI").fill(backend.url() + "/items/{id}");
        page.getByLabel("Status of response mapping 0").fill("200");
        page.getByLabel("Key of response mapping 0").fill("overwrite:header.Content-Length");
        page.getByLabel("Value of response mapping 0").fill("$response.body.backend");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add integration")).click();
        assertThat(page.locator("#response-0-error")).containsText("reserved");
        assertThat(page.getByLabel("Value of response mapping 0")).hasValue("$response.body.backend");
        assertThat(cp.admin().get("/admin/v1/apis/" + apiId + "/integrations").expect(200).json().get("items")).isEmpty();
        page.getByLabel("Key of response mapping 0").fill("overwrite:header.X-Backend");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add integration")).click();
        assertThat(page.locator("table").first()).containsText(backend.url());
        Browser.screenshot(page, "shaping-integrations", Browser.Viewport.DESKTOP);

        String integration = cp.admin().get("/admin/v1/apis/" + apiId + "/integrations").expect(200).json()
                .get("items").get(0).get("id").asText();
        cp.admin().post("/admin/v1/apis/" + apiId + "/routes",
                Map.of("routeKey", "GET /items/{id}", "integrationId", integration)).expect(201);
        cp.admin().post("/admin/v1/apis/" + apiId + "/routes",
                Map.of("routeKey", "GET /private", "integrationId", integration, "apiKeyRequired", true)).expect(201);

        // The Gateway responses tab: an unknown variable is refused at the body; then saved.
        page.navigate(cp.url() + "/console/apis/" + apiId + "/routes");
        link("Gateway responses").click();
        assertThat(page.locator("tr[data-type=INVALID_API_KEY]")).containsText("no");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit INVALID_API_KEY")).click();
        page.getByLabel("Status code").fill("401");
        page.getByLabel("Headers").fill("WWW-Authenticate: ApiKey");
        page.getByLabel("Body").fill("{\"error\": $context.error.messageString, \"id\": \"$context.requestid\"}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save response")).click();
        assertThat(page.locator("#body-error")).containsText("$context.requestid is not known");
        assertThat(page.getByLabel("Headers")).hasValue("WWW-Authenticate: ApiKey");
        page.getByLabel("Body").fill("{\"error\": $context.error.messageString, \"id\": \"$context.requestId\"}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save response")).click();
        assertThat(page.locator("tr[data-type=INVALID_API_KEY]")).containsText("customised");
        assertThat(page.locator("tr[data-type=INVALID_API_KEY]")).containsText("401");
        Browser.screenshot(page, "gateway-responses", Browser.Viewport.DESKTOP);

        deploy("shaped answers");
        HttpResponse<String> mapped = node.get(apiId, "/prod/items/7");
        assertThat(mapped.statusCode()).isEqualTo(200);
        assertThat(mapped.headers().firstValue("X-Backend")).hasValue("items");
        HttpResponse<String> refused = node.get(apiId, "/prod/private");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("ApiKey");
        JsonNode body = Json.parse(refused.body());
        assertThat(body.get("error").asText()).isEqualTo("Forbidden");
        assertThat(body.get("id").asText()).isEqualTo(refused.headers().firstValue("X-Request-Id").orElseThrow());

        // Reset asks first; the built-in answer comes back with the next deploy.
        link("Gateway responses").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reset INVALID_API_KEY")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset to built-in")).click();
        assertThat(page.locator("tr[data-type=INVALID_API_KEY]")).not().containsText("customised");
        assertThat(page.locator(".stage-pills")).containsText("undeployed changes");
        assertThat(node.get(apiId, "/prod/private").statusCode()).as("not live before a deploy").isEqualTo(401);
        deploy("built-in again");
        assertThat(node.get(apiId, "/prod/private").statusCode()).isEqualTo(403);
    }

    private void deploy(String description) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deploy API")).click();
        if (page.getByLabel("New stage name").count() > 0) {
            page.getByLabel("New stage name").fill("prod");
        }
        page.getByLabel("Description").fill(description);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deploy")).click();
        long revision = cp.admin().get("/admin/v1/revisions/current").expect(200).json().get("revision").asLong();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("All nodes applied revision " + revision + ".",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(10_000));
        page.navigate(page.url().replaceAll("/console/apis/([a-z0-9]{10}).*", "/console/apis/$1/routes"));
        assertThat(page).hasURL(Pattern.compile("/routes$"));
    }

    private com.microsoft.playwright.Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
