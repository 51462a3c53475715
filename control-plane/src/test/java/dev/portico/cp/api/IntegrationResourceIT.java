package dev.portico.cp.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static dev.portico.cp.api.AdminCalls.APIS;
import static dev.portico.cp.api.AdminCalls.badFields;
import static dev.portico.cp.api.AdminCalls.count;
import static dev.portico.cp.api.AdminCalls.createApi;
import static dev.portico.cp.api.AdminCalls.createHttpIntegration;
import static dev.portico.cp.api.AdminCalls.createRoute;
import static dev.portico.cp.api.AdminCalls.delete;
import static dev.portico.cp.api.AdminCalls.get;
import static dev.portico.cp.api.AdminCalls.patch;
import static dev.portico.cp.api.AdminCalls.post;
import static dev.portico.cp.api.AdminCalls.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class IntegrationResourceIT {

    @Test
    void httpProxyGetsItsDefaults() {
        String api = createApi("proxy-defaults");
        String id = createHttpIntegration(api, "http://127.0.0.1:9999/pets/{id}");
        get(api, "/integrations/" + id).statusCode(200).header("ETag", "\"1\"")
                .body("type", equalTo("HTTP_PROXY"))
                .body("uri", equalTo("http://127.0.0.1:9999/pets/{id}"))
                .body("method", equalTo("ANY"))
                .body("timeoutMillis", equalTo(29000))
                .body("tls.insecureSkipVerify", equalTo(false))
                .body("$", not(hasKey("statusCode")))
                .body("$", not(hasKey("body")));
    }

    @Test
    void mockGetsItsDefaults() {
        String api = createApi("mock-defaults");
        post(api, "/integrations", Map.of("type", "MOCK")).statusCode(201)
                .body("statusCode", equalTo(200)).body("body", equalTo("")).body("headers", equalTo(Map.of()))
                .body("$", not(hasKey("uri")));
        post(api, "/integrations", Map.of("type", "MOCK", "statusCode", 201,
                "headers", Map.of("Content-Type", "application/json"), "body", "{\"pong\":true}")).statusCode(201)
                .body("statusCode", equalTo(201)).body("headers.Content-Type", equalTo("application/json"));
    }

    @Test
    void acceptsPlaceholdersInTheUri() {
        String api = createApi("placeholders");
        post(api, "/integrations", Map.of("type", "HTTP_PROXY", "uri", "https://${stageVariables.host}/files/{proxy}"))
                .statusCode(201);
    }

    @Test
    void namesEveryBadFieldAndSavesNothing() {
        String api = createApi("bad-integrations");
        Map<String, Object> body = new HashMap<>();
        body.put("type", "HTTP_PROXY");
        body.put("uri", "ftp://example.com/x");
        body.put("method", "FETCH");
        body.put("timeoutMillis", 10);
        body.put("statusCode", 200);
        assertThat(badFields(post(api, "/integrations", body)))
                .containsExactly("uri", "method", "timeoutMillis", "statusCode");
        assertThat(badFields(post(api, "/integrations", Map.of("type", "HTTP_PROXY", "uri", "/relative/path"))))
                .containsExactly("uri");
        assertThat(badFields(post(api, "/integrations", Map.of("type", "HTTP_PROXY")))).containsExactly("uri");
        assertThat(badFields(post(api, "/integrations", Map.of("type", "HTTP_PROXY", "uri", "http://x", "timeoutMillis", 300001))))
                .containsExactly("timeoutMillis");
        assertThat(badFields(post(api, "/integrations", Map.of("type", "MOCK", "statusCode", 600, "uri", "http://x",
                "headers", Map.of("Bad Name", "v"))))).containsExactly("statusCode", "headers.Bad Name", "uri");
        assertThat(badFields(post(api, "/integrations", Map.of("type", "LAMBDA")))).containsExactly("type");
        assertThat(badFields(post(api, "/integrations", Map.of()))).containsExactly("type");
        assertThat(count(api, "integrations")).isZero();
        get(api, "").body("revision", equalTo(1));
    }

    @Test
    void patchChangesOnlyWhatItNames() {
        String api = createApi("patch-integration");
        String id = createHttpIntegration(api, "http://127.0.0.1:9999/a");
        patch(api, "/integrations/" + id, Map.of("timeoutMillis", 5000)).statusCode(200);
        patch(api, "/integrations/" + id, Map.of("uri", "http://127.0.0.1:9998/b")).statusCode(200)
                .header("ETag", "\"3\"")
                .body("uri", equalTo("http://127.0.0.1:9998/b"))
                .body("timeoutMillis", equalTo(5000))
                .body("method", equalTo("ANY"));
        assertThat(badFields(patch(api, "/integrations/" + id, Map.of("uri", "nope", "statusCode", 200))))
                .containsExactly("uri", "statusCode");
        get(api, "/integrations/" + id).body("uri", equalTo("http://127.0.0.1:9998/b"));
        get(api, "").body("revision", equalTo(4));
    }

    @Test
    void patchCanChangeTheType() {
        String api = createApi("retype");
        String id = createHttpIntegration(api, "http://127.0.0.1:9999/a");
        patch(api, "/integrations/" + id, Map.of("type", "MOCK", "statusCode", 204)).statusCode(200)
                .body("type", equalTo("MOCK")).body("statusCode", equalTo(204)).body("$", not(hasKey("uri")));
    }

    @Test
    void patchHonoursIfMatch() {
        String api = createApi("integration-etag");
        String id = createHttpIntegration(api, "http://127.0.0.1:9999/a");
        problem(given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(Map.of("uri", "http://x"))
                .patch(APIS + "/" + api + "/integrations/" + id).then(), 412, "STALE_ETAG");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("uri", "http://x"))
                .patch(APIS + "/" + api + "/integrations/" + id).then().statusCode(200);
    }

    @Test
    void anIntegrationInUseCannotBeDeleted() {
        String api = createApi("in-use");
        String used = createHttpIntegration(api, "http://127.0.0.1:9999/a");
        String unused = createHttpIntegration(api, "http://127.0.0.1:9999/b");
        createRoute(api, "GET /a", used);
        problem(delete(api, "/integrations/" + used), 409, "INTEGRATION_IN_USE");
        delete(api, "/integrations/" + unused).statusCode(204);
        assertThat(count(api, "integrations")).isEqualTo(1);
    }

    @Test
    void unknownIntegrationsAndApisAreNotFound() {
        String api = createApi("missing-integration");
        problem(get(api, "/integrations/nosuchone0"), 404, "NOT_FOUND");
        problem(patch(api, "/integrations/nosuchone0", Map.of("uri", "http://x")), 404, "NOT_FOUND");
        problem(delete(api, "/integrations/nosuchone0"), 404, "NOT_FOUND");
        problem(post("nosuchapi0", "/integrations", Map.of("type", "MOCK")), 404, "NOT_FOUND");
        problem(get("nosuchapi0", "/integrations"), 404, "NOT_FOUND");
    }

    @Test
    void requestParametersAreCheckedOneByOneAndNamedByKey() {
        String api = createApi("request-parameters");
        Map<String, Object> bad = new HashMap<>(Map.of("type", "HTTP_PROXY", "uri", "http://127.0.0.1:9999",
                "requestParameters", Map.of("overwrite:header.X-User", "$context.authorizer.claims.sub",
                        "rename:header.X", "y", "overwrite:header.Host", "evil", "append:querystring.q",
                        "$request.body.x", "overwrite:path", "/v2?debug=1")));
        assertThat(badFields(post(api, "/integrations", bad))).containsExactly("requestParameters.append:querystring.q",
                "requestParameters.overwrite:header.Host", "requestParameters.overwrite:path",
                "requestParameters.rename:header.X");
        assertThat(badFields(post(api, "/integrations", Map.of("type", "MOCK", "requestParameters",
                Map.of("remove:header.Cookie", ""))))).containsExactly("requestParameters");
        assertThat(count(api, "integrations")).isZero();

        String id = post(api, "/integrations", Map.of("type", "HTTP_PROXY", "uri", "http://127.0.0.1:9999",
                "requestParameters", Map.of("overwrite:header.X-User", "$context.authorizer.claims.sub",
                        "remove:header.Cookie", ""))).statusCode(201)
                .body("requestParameters.'overwrite:header.X-User'", equalTo("$context.authorizer.claims.sub"))
                .extract().path("id");
        patch(api, "/integrations/" + id, Map.of("timeoutMillis", 1000)).statusCode(200)
                .body("requestParameters.'remove:header.Cookie'", equalTo(""));
        assertThat(badFields(patch(api, "/integrations/" + id, Map.of("requestParameters",
                Map.of("overwrite:path", "$request.path.nosuch.x", "append:path", "x")))))
                .containsExactly("requestParameters.append:path");
        patch(api, "/integrations/" + id, Map.of("requestParameters", Map.of())).statusCode(200)
                .body("requestParameters.size()", equalTo(0));
    }
}
