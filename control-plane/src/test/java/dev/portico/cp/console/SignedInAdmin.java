package dev.portico.cp.console;

import dev.portico.cp.auth.Tokens;
import io.restassured.response.Response;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin signed in to the console as a browser is: its session cookie and the CSRF token its forms carry. */
record SignedInAdmin(String session, String csrf) {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static SignedInAdmin signIn() {
        String session = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", "admin").formParam("password", Tokens.ADMIN_PASSWORD)
                .formParam("next", "/console").post("/console/login").cookie("portico_session");
        Matcher token = CSRF.matcher(given().cookie("portico_session", session).get("/console/apis").body().asString());
        assertThat(token.find()).as("a signed-in page carries a CSRF token").isTrue();
        return new SignedInAdmin(session, token.group(1));
    }

    /** GETs a console page, which must answer 200; its HTML. */
    String page(String path) {
        Response answer = given().cookie("portico_session", session).get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body().asString();
    }

    /** Submits a form as the page would (with the CSRF token); redirects are not followed. */
    Response post(String path, Map<String, String> fields) {
        var request = given().redirects().follow(false).cookie("portico_session", session)
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf);
        fields.forEach(request::formParam);
        return request.post(path);
    }
}
