package dev.portico.cp.console;

import dev.portico.cp.api.ApiService;
import dev.portico.cp.auth.UserAccounts;
import dev.portico.cp.auth.Roles;
import dev.portico.cp.auth.Tokens;
import dev.portico.cp.auth.UserRequest;
import dev.portico.cp.paging.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Login, the session cookie, CSRF on every form and the redirect to login, against real PostgreSQL. */
@QuarkusTest
class ConsoleSessionIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Inject
    ApiService apis;

    @Inject
    UserAccounts users;

    @Test
    void loginSetsAnHttpOnlyStrictCookieAndGoesWhereTheUserWas() {
        Response login = login("admin", Tokens.ADMIN_PASSWORD, "/console/nodes");

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.header("Location")).isEqualTo("/console/nodes");
        String cookie = login.header("Set-Cookie");
        assertThat(cookie).startsWith("portico_session=ey").contains("HttpOnly", "SameSite=Strict", "Path=/")
                .doesNotContain("Secure");
        assertThat(page("/console/nodes", login.cookie("portico_session")).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordSetsNoCookieAndKeepsTheUsername() {
        Response login = login("admin", "not-the-password", "/console/apis");

        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.header("Set-Cookie")).isNull();
        assertThat(login.body().asString()).contains("Wrong username or password.", "value=\"admin\"",
                "value=\"/console/apis\"");
    }

    @Test
    void withoutAValidSessionPagesSendToLoginWithWhereTheUserWas() {
        for (String cookie : new String[] {null, "forged", Tokens.admin() + "x"}) {
            Response page = page("/console/apis/abc/routes?x=1", cookie);
            assertThat(page.statusCode()).isEqualTo(303);
            assertThat(page.header("Location")).isEqualTo("/console/login?next=%2Fconsole%2Fapis%2Fabc%2Froutes%3Fx%3D1");
        }
        assertThat(given().redirects().follow(false).get("/").header("Location")).isEqualTo("/console");
    }

    @Test
    void loginNeverSendsTheBrowserOffSite() {
        for (String next : new String[] {"//evil.example/console", "https://evil.example/", "/admin/v1/apis",
            "/console/login?next=x", "/console\\@evil"}) {
            assertThat(login("admin", Tokens.ADMIN_PASSWORD, next).header("Location")).as(next).isEqualTo("/console");
        }
    }

    @Test
    void theAdminApiDoesNotAcceptTheCookie() {
        String session = login("admin", Tokens.ADMIN_PASSWORD, "/console").cookie("portico_session");
        given().cookie("portico_session", session).get("/admin/v1/apis").then().statusCode(401);
    }

    @Test
    void aFormWithoutOrWithAWrongCsrfTokenIsRefusedAndSavesNothing() {
        String session = login("admin", Tokens.ADMIN_PASSWORD, "/console").cookie("portico_session");
        String name = "csrf-" + UUID.randomUUID();
        for (String csrf : new String[] {null, "", "wrong", csrfOf(Tokens.admin())}) {
            var request = given().redirects().follow(false).cookie("portico_session", session)
                    .contentType("application/x-www-form-urlencoded").formParam("name", name);
            if (csrf != null) {
                request.formParam("_csrf", csrf);
            }
            Response answer = request.post("/console/apis");
            assertThat(answer.statusCode()).as("csrf " + csrf).isEqualTo(403);
            assertThat(answer.body().asString()).contains("CSRF");
        }
        assertThat(apiNames()).doesNotContain(name);

        Response created = given().redirects().follow(false).cookie("portico_session", session)
                .contentType("application/x-www-form-urlencoded").formParam("name", name)
                .formParam("_csrf", csrfOf(session)).post("/console/apis");
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(apiNames()).contains(name);
    }

    /** Every POST of every console resource (but login) checks the token before doing anything. */
    @Test
    void everyConsoleFormChecksTheCsrfToken() {
        String session = login("admin", Tokens.ADMIN_PASSWORD, "/console").cookie("portico_session");
        List<String> posts = consolePosts();
        assertThat(posts).hasSizeGreaterThan(10);
        for (String path : posts) {
            int status = given().redirects().follow(false).cookie("portico_session", session)
                    .contentType("application/x-www-form-urlencoded").formParam("_csrf", "wrong").post(path)
                    .statusCode();
            assertThat(status).as(path).isEqualTo(403);
        }
    }

    @Test
    void aViewerSeesButCannotChange() {
        String username = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserRequest(username, "viewer-password-1", Roles.VIEWER));
        String session = login(username, "viewer-password-1", "/console").cookie("portico_session");

        assertThat(page("/console/apis", session).body().asString()).doesNotContain("Create an API");
        Response write = given().redirects().follow(false).cookie("portico_session", session)
                .contentType("application/x-www-form-urlencoded").formParam("name", username)
                .formParam("_csrf", csrfOf(session)).post("/console/apis");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(apiNames()).doesNotContain(username);
    }

    @Test
    void signingOutClearsTheCookie() {
        String session = login("admin", Tokens.ADMIN_PASSWORD, "/console").cookie("portico_session");
        Response out = given().redirects().follow(false).cookie("portico_session", session)
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", csrfOf(session))
                .post("/console/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).isEqualTo("/console/login");
        assertThat(out.header("Set-Cookie")).startsWith("portico_session=;").contains("Max-Age=0");
    }

    private static Response login(String username, String password, String next) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", password).formParam("next", next)
                .post("/console/login");
    }

    private static Response page(String path, String session) {
        var request = given().redirects().follow(false);
        if (session != null) {
            request.cookie("portico_session", session);
        }
        return request.get(path);
    }

    /** The form token a page of this session carries. */
    private static String csrfOf(String session) {
        Matcher token = CSRF.matcher(page("/console/apis", session).body().asString());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private List<String> apiNames() {
        return apis.list(PageRequest.of(100, null)).items().stream().map(a -> a.name()).toList();
    }

    private static List<String> consolePosts() {
        List<String> paths = new ArrayList<>();
        for (Class<?> resource : List.of(OverviewResource.class, ApisResource.class, RoutesResource.class,
                IntegrationsResource.class, StagesResource.class, DeploymentsResource.class)) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                if (method.isAnnotationPresent(POST.class)) {
                    Path sub = method.getAnnotation(Path.class);
                    String path = base + (sub == null ? "" : "/" + sub.value());
                    paths.add(path.replaceAll("\\{[^}]+}", "x0000000000"));
                }
            }
        }
        return paths;
    }
}
