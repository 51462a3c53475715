package dev.portico.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's acceptance scenario (issue 4) in a real browser — Debian's Chromium driven by
 * Playwright — against the packaged control plane, a real node and real backends: sign in, create
 * an API, wire it to a backend, deploy it, change it, deploy again, compare, roll back; bad input
 * and an expired session on the way. Screenshots of the main pages, at laptop and phone width, go
 * to {@code e2e/target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIT {

    private ControlPlane cp;
    private Node node;
    private Backend v1;
    private Backend v2;
    private Browser browser;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    void start() {
        cp = ControlPlane.start("console-cp");
        node = Node.start("console-node-1", cp);
        v1 = Backend.start("v1");
        v2 = Backend.start("v2");
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
        v1.close();
        v2.close();
    }

    @Test
    void defineDeployChangeCompareAndRollBackByClicking() {
        page.navigate(cp.url() + "/console/apis");
        assertThat(page).hasURL(Pattern.compile("/console/login\\?next=%2Fconsole%2Fapis$"));
        screenshot("login");
        signIn();
        assertThat(page).hasURL(cp.url() + "/console/apis");

        // An API without a name is refused at its field; nothing is created.
        page.getByLabel("Description", exact()).fill("the shop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API")).click();
        assertThat(page.locator("#name-error")).hasText("is required");
        assertThat(page.getByLabel("Description", exact())).hasValue("the shop");
        assertThat(cp.admin().get("/admin/v1/apis").expect(200).json().get("items")).isEmpty();

        page.getByLabel("Name", exact()).fill("shop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API")).click();
        assertThat(page).hasURL(Pattern.compile("/console/apis/[a-z0-9]{10}/routes$"));
        String apiId = page.url().replaceAll(".*/apis/([a-z0-9]{10})/routes$", "$1");

        addIntegration(v1.url() + "/items/{id}");
        addRoute(apiId);
        assertThat(page.locator(".stage-pills")).containsText("not deployed yet");

        deploy("first release", "prod");
        assertThat(backendOf(node.get(apiId, "/prod/items/42"))).isEqualTo("v1");
        assertThat(v1.seen().get(v1.seen().size() - 1).uri()).isEqualTo("/items/42");

        // A draft edit is not live: the stage says so until the next deploy.
        link("Integrations").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Edit "))).click();
        page.getByLabel("Backend URI").fill(v2.url() + "/items/{id}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save integration")).click();
        assertThat(page.locator(".stage-pills")).containsText("prod · v1 undeployed changes");
        assertThat(backendOf(node.get(apiId, "/prod/items/42"))).isEqualTo("v1");

        deploy("move to v2", null);
        assertThat(backendOf(node.get(apiId, "/prod/items/42"))).isEqualTo("v2");

        link("Deployments").click();
        assertThat(page.locator("table").first()).containsText("move to v2");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Changes from v1 to v2")))
                .isVisible();
        Locator change = page.locator(".change");
        assertThat(change).hasCount(1);
        assertThat(change).containsText("uri");
        assertThat(change).containsText(v1.url() + "/items/{id}");
        assertThat(change).containsText(v2.url() + "/items/{id}");
        screenshot("deployments");

        link("Stages").click();
        screenshot("stages");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Roll back prod")).click();
        page.getByLabel("Reason").fill("v2 answers wrong prices");
        screenshot("rollback");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Roll back")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("All nodes applied revision " + revision() + ".");
        assertThat(backendOf(node.get(apiId, "/prod/items/42"))).isEqualTo("v1");

        stagePageAndAuditLog();

        String planPage = protectWithAKey(apiId);
        authorizerAndCors(apiId);

        // The session ends (here: the cookie goes); the next page asks to sign in and then comes back.
        String deploymentsPage = cp.url() + "/console/apis/" + apiId + "/deployments";
        context.clearCookies();
        page.navigate(deploymentsPage);
        assertThat(page).hasURL(Pattern.compile("/console/login\\?next="));
        signInWithTheKeyboard();
        assertThat(page).hasURL(deploymentsPage);

        link("Nodes").click();
        Locator row = page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName(Pattern.compile("console-node-1")));
        assertThat(row).containsText("IN_SYNC");
        screenshot("nodes");
        link("Dashboard").click();
        assertThat(page.locator(".counts")).containsText("1 in sync");
        assertThat(page.locator("svg.chart")).hasCount(3);
        // Nodes send their request counters with every heartbeat (2 s): the hour's total catches up.
        Waits.until(Duration.ofSeconds(15), "the dashboard counts the requests", () -> {
            Waits.sleep(250);
            page.reload();
            return !page.locator("figcaption").first().innerText().contains(" 0 in the last hour");
        });
        screenshot("dashboard");

        phoneScreenshots(apiId, planPage);
    }

    /**
     * A plan for shop/prod (a negative rate refused first), a key shown once and copied, the route made
     * to require a key, deployed: the node admits the key and refuses a request without one; the plan's
     * chart counts the key's calls.
     */
    private String protectWithAKey(String apiId) {
        nav("Usage plans").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New usage plan")).click();
        page.getByLabel("Name", exact()).fill("gold");
        page.getByLabel("Rate (requests/s)").fill("-1");
        page.getByLabel("Burst").fill("10");
        page.getByLabel("Quota limit (requests)").fill("10000");
        page.getByLabel("Quota period").selectOption("DAY");
        page.getByLabel("API stage 1").selectOption(apiId + "/prod");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create plan")).click();
        assertThat(page.locator("[id='throttle.rateLimit-error']"))
                .hasText("must be a number of requests per second greater than 0, got -1.0");
        assertThat(page.getByLabel("Rate (requests/s)")).hasValue("-1");
        assertThat(page.getByLabel("API stage 1")).hasValue(apiId + "/prod");
        assertThat(cp.admin().get("/admin/v1/usage-plans").expect(200).json().get("items")).isEmpty();
        screenshot("usage-plan-form");
        page.getByLabel("Rate (requests/s)").fill("50");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create plan")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("gold");
        String planPage = page.url();

        nav("API keys").click();
        page.getByLabel("Name", exact()).fill("shop-client");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API key")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("it will not be shown again");
        String key = page.getByLabel("Key value").inputValue();
        assertThat(key).startsWith("pk_");
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy")).click();
        assertThat(page.locator("#copy-status")).hasText("Copied to the clipboard.");
        assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(key);
        screenshot("key-created");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("subscribe the key to a usage plan")).click();
        assertThat(page.content()).doesNotContain(key);
        page.getByLabel("Usage plan", exact()).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("gold"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
        assertThat(page.locator(".pill")).containsText("gold");
        screenshot("api-key");
        nav("API keys").click();
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName(Pattern.compile("shop-client"))))
                .containsText("gold");
        screenshot("api-keys");

        page.navigate(cp.url() + "/console/apis/" + apiId + "/routes");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit GET /items/{id}")).click();
        page.getByLabel("API key required").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save route")).click();
        assertThat(page.locator("table")).containsText("required");
        deploy("require an API key", null);

        assertThat(node.get(apiId, "/prod/items/42").statusCode()).isEqualTo(403);
        for (int i = 0; i < 3; i++) {
            assertThat(backendOf(node.get(apiId, "/prod/items/42", java.util.Map.of("x-api-key", key)))).isEqualTo("v2");
        }

        // Nodes report usage every second: the plan page's chart catches up.
        page.navigate(planPage);
        Locator total = page.locator("[data-usage-totals] li").filter(new Locator.FilterOptions().setHasText("shop-client"));
        Waits.until(Duration.ofSeconds(15), "the plan's chart counts the key's three calls", () -> {
            Waits.sleep(250);
            page.reload();
            return total.innerText().contains(": 3 requests");
        });
        assertThat(page.locator("svg.chart polyline.series-0")).hasCount(1);
        screenshot("usage-plan");
        nav("Usage plans").click();
        screenshot("usage-plans");
        return planPage;
    }

    /**
     * A JWT authorizer (a relative issuer refused at its field first), the route put behind it, and
     * CORS (any origin with credentials refused first). Draft only: the node is left as it was.
     */
    private void authorizerAndCors(String apiId) {
        page.navigate(cp.url() + "/console/apis/" + apiId + "/routes");
        link("Authorizers").click();
        page.getByLabel("Name", exact()).fill("shop-idp");
        page.getByLabel("Type").selectOption("JWT");
        page.getByLabel("Issuer").fill("realms/shop");
        page.getByLabel("Audiences").fill("orders-api");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add authorizer")).click();
        assertThat(page.locator("#issuer-error")).containsText("http");
        assertThat(page.getByLabel("Audiences")).hasValue("orders-api");
        page.getByLabel("Issuer").fill("https://idp.example.com/realms/shop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add authorizer")).click();
        assertThat(page.locator("table").first()).containsText("shop-idp");
        screenshot("authorizers");

        link("Routes").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit GET /items/{id}")).click();
        page.getByLabel("Authorization", exact()).selectOption("JWT");
        page.getByLabel("Authorizer", exact()).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("shop-idp · JWT"));
        page.getByLabel("Scopes").fill("items:read");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save route")).click();
        assertThat(page.locator("table").first()).containsText("JWT");
        assertThat(page.locator("table").first()).containsText("items:read");
        assertThat(page.locator(".stage-pills")).containsText("undeployed changes");

        link("CORS").click();
        page.getByLabel("Allowed origins").fill("*");
        page.getByLabel("Allowed methods").fill("GET, POST");
        page.getByLabel("Allow credentials (cookies, Authorization)").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save CORS")).click();
        assertThat(page.locator("[id='cors.allowCredentials-error']")).containsText("*");
        assertThat(page.getByLabel("Allowed methods")).hasValue("GET, POST");
        page.getByLabel("Allowed origins").fill("https://app.example.com");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save CORS")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("without a deployment");
        screenshot("cors");
        assertThat(cp.admin().get("/admin/v1/apis/" + apiId).expect(200).json().get("cors").get("allowOrigins").get(0).asText())
                .isEqualTo("https://app.example.com");
    }

    private void signIn() {
        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password").fill(ControlPlane.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /** Forms work without a mouse: Tab goes from the user name to the password, Enter sends. */
    private void signInWithTheKeyboard() {
        page.getByLabel("Username").focus();
        page.keyboard().type("admin");
        page.keyboard().press("Tab");
        page.keyboard().type(ControlPlane.ADMIN_PASSWORD);
        page.keyboard().press("Enter");
    }

    private void addIntegration(String uri) {
        link("Integrations").click();
        page.getByLabel("Type").selectOption("HTTP_PROXY");
        page.getByLabel("Backend URI").fill(uri);
        page.getByLabel("Method").selectOption("GET");
        page.getByLabel("Timeout (ms)").fill("soon");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add integration")).click();
        assertThat(page.locator("#timeoutMillis-error")).hasText("must be a whole number, got \"soon\"");
        assertThat(page.getByLabel("Backend URI")).hasValue(uri);
        page.getByLabel("Timeout (ms)").fill("5000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add integration")).click();
        assertThat(page.locator("table").first()).containsText(uri);
        screenshot("integrations");
    }

    private void addRoute(String apiId) {
        link("Routes").click();
        page.getByLabel("Route key").fill("GET items/{id}");
        page.getByLabel("Integration").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add route")).click();
        assertThat(page.locator("#routeKey-error")).hasText("path must start with \"/\", got \"items/{id}\"");
        assertThat(page.getByLabel("Route key")).hasValue("GET items/{id}");
        assertThat(cp.admin().get("/admin/v1/apis/" + apiId + "/routes").expect(200).json().get("items")).isEmpty();

        page.getByLabel("Route key").fill("GET /items/{id}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add route")).click();
        assertThat(page.locator("table").first()).containsText("GET /items/{id}");
        screenshot("routes");
    }

    /** Deploy API: to a new stage when {@code newStage} is given, else to the stage it offers (prod). */
    private void deploy(String description, String newStage) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deploy API")).click();
        Locator changes = page.locator(".changes");
        if (newStage != null) {
            assertThat(changes).containsText("ADDED route GET /items/{id}");
            page.getByLabel("New stage name").fill(newStage);
        } else {
            assertThat(page.getByLabel("Stage", exact())).hasValue("prod");
            assertThat(changes).containsText("CHANGED integration");
            assertThat(changes).containsText(v2.url());
        }
        page.getByLabel("Description").fill(description);
        screenshot(newStage != null ? "deploy-new-stage" : "deploy");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deploy")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("All nodes applied revision " + revision() + ".",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(10_000));
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName(Pattern.compile("console-node-1"))))
                .containsText("applied");
        screenshot(newStage != null ? "rollout" : "rollout-v2");
    }

    /**
     * The stage page: a variable set there is saved (no deployment needed) and the history shows the
     * deploys and the rollback; the audit log lists the scenario's changes, all by admin.
     */
    private void stagePageAndAuditLog() {
        link("Stages").click();
        page.locator("table").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("prod").setExact(true))
                .click();
        page.getByLabel("Name of variable 0").fill("region");
        page.getByLabel("Value of variable 0").fill("eu-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save stage")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved.");
        assertThat(page.getByLabel("Value of variable 0")).hasValue("eu-1");
        Locator history = page.locator("[data-stage-history]");
        assertThat(history).containsText("v1 → v2");
        assertThat(history).containsText("v2 → v1");
        assertThat(history).containsText("v2 answers wrong prices");
        screenshot("stage");

        nav("Audit log").click();
        page.getByLabel("Who").fill("admin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        Locator events = page.locator("[data-audit-events] tbody tr");
        assertThat(events.first()).containsText("stage prod");
        assertThat(events.first()).containsText("variables");
        for (String action : List.of("CREATE", "UPDATE", "DEPLOY", "ROLLBACK")) {
            assertThat(page.locator("[data-audit-events] tr[data-action=" + action + "]").first()).isVisible();
        }
        assertThat(page.locator("[data-audit-events] tbody td[data-label=Who]").filter(
                new Locator.FilterOptions().setHasNotText("admin"))).hasCount(0);
        screenshot("audit");
    }

    private void phoneScreenshots(String apiId, String planPage) {
        BrowserContext phone = browser.newContext(Browser.Viewport.PHONE);
        phone.addCookies(context.cookies());
        Page small = phone.newPage();
        for (String[] shot : List.of(new String[] {"dashboard", "/console"}, new String[] {"apis", "/console/apis"},
                new String[] {"routes", "/console/apis/" + apiId + "/routes"},
                new String[] {"integrations", "/console/apis/" + apiId + "/integrations"},
                new String[] {"deploy", "/console/apis/" + apiId + "/stages/deploy"},
                new String[] {"deployments", "/console/apis/" + apiId + "/deployments"},
                new String[] {"stage", "/console/apis/" + apiId + "/stages/prod"},
                new String[] {"audit", "/console/audit?actor=admin"},
                new String[] {"nodes", "/console/nodes"}, new String[] {"api-keys", "/console/api-keys"},
                new String[] {"usage-plans", "/console/usage-plans"}, new String[] {"usage-plan", planPage},
                new String[] {"usage-plan-form", planPage + "/edit"})) {
            small.navigate(shot[1].startsWith("http") ? shot[1] : cp.url() + shot[1]);
            assertThat(small.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))).isVisible();
            // Nothing wider than the phone: the layout wraps instead of scrolling sideways.
            Object overflow = small.evaluate("document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).as(shot[0] + " scrolls sideways").isLessThanOrEqualTo(0);
            Browser.screenshot(small, shot[0], Browser.Viewport.PHONE);
        }
        small.navigate(cp.url() + "/console/api-keys");
        small.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("phone-client");
        small.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API key")).click();
        assertThat(small.getByLabel("Key value")).hasValue(Pattern.compile("^pk_"));
        Browser.screenshot(small, "key-created", Browser.Viewport.PHONE);
        small.navigate(cp.url() + "/console/login");
        Browser.screenshot(small, "login", Browser.Viewport.PHONE);
        phone.close();
    }

    private long revision() {
        return cp.admin().get("/admin/v1/revisions/current").expect(200).json().get("revision").asLong();
    }

    private Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** A link of the main navigation (pages also have breadcrumbs with the same names). */
    private Locator nav(String name) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main")).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private void screenshot(String name) {
        Browser.screenshot(page, name, Browser.Viewport.DESKTOP);
    }

    private static Page.GetByLabelOptions exact() {
        return new Page.GetByLabelOptions().setExact(true);
    }

    private static String backendOf(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.parse(answer.body()).get("backend").asText();
    }

}
