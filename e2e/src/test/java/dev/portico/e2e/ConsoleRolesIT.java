package dev.portico.e2e;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles in a real browser against the packaged control plane (issue 5): an admin makes a viewer and
 * an editor on the Users page; the viewer reads but has no way to change anything, and a change sent
 * anyway is refused; the editor deploys but may not manage users; wrong passwords in a row throttle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleRolesIT {

    private static final String VIEWER = "vera";
    private static final String EDITOR = "edith";
    private static final String PASSWORD = "roles-password-1";

    private ControlPlane cp;
    private Browser browser;

    @BeforeAll
    void start() {
        cp = ControlPlane.start("roles-cp");
        browser = Browser.launch();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        cp.close();
    }

    @Test
    void anAdminMakesAViewerAndAnEditorWhoGetOnlyWhatTheirRolesAllow() {
        String apiId = cp.admin().post("/admin/v1/apis", Map.of("name", "shop")).expect(201).json().get("id").asText();

        Page admin = signIn("admin", ControlPlane.ADMIN_PASSWORD);
        nav(admin, "Users").click();
        createUser(admin, VIEWER, "short", "viewer");
        assertThat(admin.locator("#password-error")).hasText("must be at least 12 characters");
        assertThat(admin.getByLabel("Username")).hasValue(VIEWER);
        assertThat(admin.getByLabel("Role")).hasValue("viewer");
        assertThat(cp.admin().get("/admin/v1/users/" + VIEWER).status()).isEqualTo(404);
        createUser(admin, VIEWER, PASSWORD, "viewer");
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("User " + VIEWER);
        nav(admin, "Users").click();
        createUser(admin, EDITOR, PASSWORD, "editor");
        nav(admin, "Users").click();
        Locator rows = admin.locator("[data-users] tbody tr");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(VIEWER))).containsText("viewer");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(EDITOR))).containsText("editor");
        Browser.screenshot(admin, "users", Browser.Viewport.DESKTOP);

        viewerReadsAndChangesNothing(apiId);
        editorDeploysButManagesNoUsers(apiId);
    }

    @Test
    void tenWrongPasswordsInARowMakeTheNextLogin429() {
        cp.admin().post("/admin/v1/users", Map.of("username", "guessed", "password", PASSWORD, "role", "viewer"))
                .expect(201);
        AdminClient anonymous = AdminClient.anonymous(cp.url());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(anonymous.post("/admin/v1/auth/token", Map.of("username", "guessed", "password", "guess-" + i))
                    .status());
        }
        assertThat(statuses.subList(0, 6)).containsOnly(401);
        assertThat(statuses.subList(6, 10)).containsOnly(429);

        AdminClient.Answer right = anonymous.post("/admin/v1/auth/token", Map.of("username", "guessed", "password", PASSWORD));
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.json().get("code").asText()).isEqualTo("LOGIN_THROTTLED");
        assertThat(Integer.parseInt(right.header("Retry-After"))).isBetween(1, 2);
    }

    private void viewerReadsAndChangesNothing(String apiId) {
        Page viewer = signIn(VIEWER, PASSWORD);
        assertThat(nav(viewer, "Users")).hasCount(0);
        nav(viewer, "APIs").click();
        assertThat(viewer.locator("table")).containsText("shop");
        assertThat(viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API"))).hasCount(0);
        assertThat(viewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete shop"))).hasCount(0);
        viewer.navigate(cp.url() + "/console/apis/" + apiId + "/routes");
        assertThat(viewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deploy API"))).hasCount(0);
        assertThat(viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add route"))).hasCount(0);
        nav(viewer, "API keys").click();
        assertThat(viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API key"))).hasCount(0);
        nav(viewer, "Audit log").click();
        assertThat(viewer.locator("[data-audit-events]")).containsText(VIEWER);
        Browser.screenshot(viewer, "viewer-audit", Browser.Viewport.DESKTOP);

        // Sent anyway, with the session's own form token: refused, and nothing is made.
        String csrf = viewer.locator("form.signout input[name=_csrf]").inputValue();
        APIResponse key = viewer.request().post(cp.url() + "/console/api-keys", RequestOptions.create()
                .setForm(FormData.create().set("_csrf", csrf).set("name", "sneaky")).setMaxRedirects(0));
        assertThat(key.status()).isEqualTo(403);
        assertThat(key.text()).contains("may look but not change anything");
        APIResponse delete = viewer.request().post(cp.url() + "/console/apis/" + apiId + "/delete", RequestOptions.create()
                .setForm(FormData.create().set("_csrf", csrf)).setMaxRedirects(0));
        assertThat(delete.status()).isEqualTo(403);
        assertThat(cp.admin().get("/admin/v1/api-keys").expect(200).json().get("items")).isEmpty();
        cp.admin().get("/admin/v1/apis/" + apiId).expect(200);

        viewer.navigate(cp.url() + "/console/users");
        assertThat(viewer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Not allowed");
        viewer.navigate(cp.url() + "/console/apis/" + apiId + "/stages/deploy");
        assertThat(viewer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Not allowed");
        viewer.context().close();
    }

    private void editorDeploysButManagesNoUsers(String apiId) {
        Page editor = signIn(EDITOR, PASSWORD);
        assertThat(nav(editor, "Users")).hasCount(0);
        editor.navigate(cp.url() + "/console/apis/" + apiId + "/routes");
        editor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deploy API")).click();
        assertThat(editor).hasURL(Pattern.compile("/stages/deploy"));
        assertThat(editor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deploy"))).isVisible();

        editor.navigate(cp.url() + "/console/users");
        assertThat(editor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Not allowed");
        String csrf = editor.locator("form.signout input[name=_csrf]").inputValue();
        APIResponse create = editor.request().post(cp.url() + "/console/users", RequestOptions.create()
                .setForm(FormData.create().set("_csrf", csrf).set("username", "by-editor").set("password", PASSWORD)
                        .set("role", "admin")).setMaxRedirects(0));
        assertThat(create.status()).isEqualTo(403);
        assertThat(cp.admin().get("/admin/v1/users/by-editor").status()).isEqualTo(404);
        editor.context().close();
    }

    private Page signIn(String username, String password) {
        BrowserContext context = browser.newContext(Browser.Viewport.DESKTOP);
        Page page = context.newPage();
        page.navigate(cp.url() + "/console/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(cp.url() + "/console");
        return page;
    }

    private static void createUser(Page page, String username, String password, String role) {
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByLabel("Role").selectOption(role);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create user")).click();
    }

    private static Locator nav(Page page, String name) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main")).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(name).setExact(true));
    }
}
