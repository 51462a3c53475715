package dev.portico.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * FUNCTION integrations, models and route request validation defined by clicking, in a real browser
 * against the packaged control plane: errors show next to their fields with what was typed kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleFunctionsIT {

    private static final String INVOKE = "http://127.0.0.1:9993/2015-03-31/functions/function/invocations";
    private static final String BAD_SCHEMA = "{\"type\": \"object\", \"required\": \"name\"}";
    private static final String PET_SCHEMA = "{\"type\": \"object\", \"required\": [\"name\"],"
            + " \"properties\": {\"name\": {\"type\": \"string\", \"minLength\": 1}}}";

    private ControlPlane cp;
    private Browser browser;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    void start() {
        cp = ControlPlane.start("functions-console-cp");
        browser = Browser.launch();
        context = browser.newContext(Browser.Viewport.DESKTOP);
        page = context.newPage();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        cp.close();
    }

    @Test
    void aFunctionAModelAndAValidatedRouteByClicking() {
        String apiId = cp.admin().post("/admin/v1/apis", Map.of("name", "pets")).expect(201).json().get("id").asText();
        page.navigate(cp.url() + "/console/apis/" + apiId + "/routes");
        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password").fill(ControlPlane.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(cp.url() + "/console/apis/" + apiId + "/routes");

        addFunction(apiId);
        addModel(apiId);
        addValidatedRoute(apiId);
        modelInUseIsNotDeleted(apiId);
    }

    private void addFunction(String apiId) {
        tab("Integrations").click();
        page.getByLabel("Type").selectOption("FUNCTION");
        assertThat(page.getByLabel("Invoke URI")).isVisible();
        assertThat(page.getByLabel("Backend URI")).isHidden();
        page.getByLabel("Invoke URI").fill(INVOKE);
        page.getByLabel("Payload format version").selectOption("1.0");
        page.getByLabel("Time limit (ms)").fill("3000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add integration")).click();
        Locator list = page.locator("table").first();
        assertThat(list).containsText("FUNCTION");
        assertThat(list).containsText("payload 1.0");
        assertThat(list).containsText(INVOKE);
        JsonNode made = cp.admin().get("/admin/v1/apis/" + apiId + "/integrations").expect(200).json().get("items").get(0);
        assertThat(made.get("type").asText()).isEqualTo("FUNCTION");
        assertThat(made.get("payloadFormatVersion").asText()).isEqualTo("1.0");
        assertThat(made.get("timeoutMillis").asInt()).isEqualTo(3000);
        Browser.screenshot(page, "function-integrations", Browser.Viewport.DESKTOP);
    }

    private void addModel(String apiId) {
        tab("Models").click();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Pet");
        page.getByLabel("Schema (JSON)").fill(BAD_SCHEMA);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add model")).click();
        assertThat(page.locator("#schema-error")).containsText("is not a valid JSON Schema");
        assertThat(page.getByLabel("Schema (JSON)")).hasValue(BAD_SCHEMA);
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue("Pet");
        assertThat(cp.admin().get("/admin/v1/apis/" + apiId + "/models").expect(200).json().get("items")).isEmpty();
        Browser.screenshot(page, "model-refused", Browser.Viewport.DESKTOP);

        page.getByLabel("Schema (JSON)").fill(PET_SCHEMA);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add model")).click();
        assertThat(page.locator("table").first()).containsText("Pet");
        JsonNode model = cp.admin().get("/admin/v1/apis/" + apiId + "/models").expect(200).json().get("items").get(0);
        assertThat(model.at("/schema/required/0").asText()).isEqualTo("name");
    }

    private void addValidatedRoute(String apiId) {
        tab("Routes").click();
        page.getByLabel("Route key").fill("POST /pets/{id}");
        page.getByLabel("Integration").selectOption(new SelectOption().setIndex(1));
        page.getByLabel("Body model").selectOption("Pet");
        page.getByLabel("Required parameters").fill("path.id, cookie.session");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add route")).click();
        assertThat(page.locator("#requiredParameters-error")).containsText("cookie.session");
        assertThat(page.getByLabel("Required parameters")).hasValue("path.id, cookie.session");
        assertThat(page.getByLabel("Body model")).hasValue("Pet");
        assertThat(cp.admin().get("/admin/v1/apis/" + apiId + "/routes").expect(200).json().get("items")).isEmpty();

        page.getByLabel("Required parameters").fill("path.id, header.X-Tenant");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add route")).click();
        Locator list = page.locator("table").first();
        assertThat(list).containsText("POST /pets/{id}");
        assertThat(list).containsText("body Pet");
        assertThat(list).containsText("header.X-Tenant");
        JsonNode validation = cp.admin().get("/admin/v1/apis/" + apiId + "/routes").expect(200).json()
                .get("items").get(0).get("requestValidation");
        assertThat(validation.get("bodyModel").asText()).isEqualTo("Pet");
        assertThat(validation.get("requiredParameters").toString()).isEqualTo("[\"path.id\",\"header.X-Tenant\"]");
        Browser.screenshot(page, "validated-routes", Browser.Viewport.DESKTOP);
    }

    private void modelInUseIsNotDeleted(String apiId) {
        tab("Models").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete Pet")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Delete model Pet");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete model")).click();
        assertThat(page.locator("body")).containsText("POST /pets/{id}");
        assertThat(cp.admin().get("/admin/v1/apis/" + apiId + "/models").expect(200).json().get("items")).hasSize(1);
    }

    private Locator tab(String name) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("API sections"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }
}
