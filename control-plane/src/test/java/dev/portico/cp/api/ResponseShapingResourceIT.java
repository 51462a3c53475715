package dev.portico.cp.api;

import dev.portico.cp.snapshot.SnapshotSource;
import dev.portico.snapshot.Api;
import dev.portico.snapshot.Deployment;
import dev.portico.snapshot.GatewayResponse;
import dev.portico.snapshot.GatewayResponseType;
import dev.portico.snapshot.HttpProxyIntegration;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotValidator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.portico.cp.api.AdminCalls.APIS;
import static dev.portico.cp.api.AdminCalls.badFields;
import static dev.portico.cp.api.AdminCalls.count;
import static dev.portico.cp.api.AdminCalls.createApi;
import static dev.portico.cp.api.AdminCalls.createRoute;
import static dev.portico.cp.api.AdminCalls.get;
import static dev.portico.cp.api.AdminCalls.patch;
import static dev.portico.cp.api.AdminCalls.post;
import static dev.portico.cp.api.AdminCalls.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Response parameters on integrations and gateway responses per API: validated, stored, frozen by deploys. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class ResponseShapingResourceIT {

    private static final Map<String, Map<String, String>> SHAPING = Map.of(
            "200", Map.of("overwrite:header.X-Item-Name", "$response.body.name", "append:header.X-Stage", "$context.stage"),
            "4XX", Map.of("overwrite:statuscode", "410", "remove:header.Server", ""));

    @Inject
    SnapshotSource source;

    private static io.restassured.response.ValidatableResponse put(String apiId, String type, Object body) {
        return given().contentType(ContentType.JSON).body(body).put(APIS + "/" + apiId + "/gateway-responses/" + type).then();
    }

    @Test
    void responseParametersAreStoredAndShown() {
        String api = createApi("shaped-integration");
        String id = post(api, "/integrations", Map.of("type", "HTTP_PROXY", "uri", "http://127.0.0.1:9992/items",
                "responseParameters", SHAPING)).statusCode(201)
                .body("responseParameters.'200'.'overwrite:header.X-Item-Name'", equalTo("$response.body.name"))
                .extract().path("id");
        get(api, "/integrations/" + id).statusCode(200)
                .body("responseParameters.'4XX'.'overwrite:statuscode'", equalTo("410"));
        patch(api, "/integrations/" + id, Map.of("timeoutMillis", 5000)).statusCode(200)
                .body("responseParameters.'4XX'.'remove:header.Server'", equalTo(""));
        patch(api, "/integrations/" + id, Map.of("responseParameters", Map.of())).statusCode(200)
                .body("responseParameters", equalTo(Map.of()));
        String plain = post(api, "/integrations", Map.of("type", "HTTP_PROXY", "uri", "http://x")).statusCode(201)
                .body("responseParameters", equalTo(Map.of())).extract().path("id");
        assertThat(plain).isNotBlank();
    }

    @Test
    void eachBadInputIsNamedAndNothingIsWritten() {
        String api = createApi("bad-response-parameters");
        assertThat(badFields(post(api, "/integrations", Map.of("type", "HTTP_PROXY", "uri", "http://x",
                "responseParameters", Map.of(
                        "2xx", Map.of("overwrite:header.X", "a"),
                        "200", Map.of("set:header.X", "a", "overwrite:header.Content-Length", "1",
                                "overwrite:header.X-A", "$response.cookie.a", "overwrite:header.X-B", "$context.nope",
                                "overwrite:statuscode", "abc"),
                        "600", Map.of("overwrite:header.X", "a"))))))
                .containsExactly("responseParameters.200.overwrite:header.Content-Length",
                        "responseParameters.200.overwrite:header.X-A", "responseParameters.200.overwrite:header.X-B",
                        "responseParameters.200.overwrite:statuscode", "responseParameters.200.set:header.X",
                        "responseParameters.2xx", "responseParameters.600");
        assertThat(count(api, "integrations")).isZero();
        post(api, "/integrations", Map.of("type", "HTTP_PROXY", "uri", "http://x", "responseParameters",
                Map.of("200", Map.of("overwrite:header.X-Amzn-RequestId", "a")))).statusCode(400)
                .body("errors[0].message", containsString("reserved"));
        assertThat(badFields(post(api, "/integrations", Map.of("type", "MOCK", "responseParameters", SHAPING))))
                .containsExactly("responseParameters");
    }

    @Test
    void gatewayResponsesArePutReadAndReset() {
        String api = createApi("gateway-responses");
        get(api, "/gateway-responses").statusCode(200)
                .body("items", hasSize(GatewayResponseType.values().length))
                .body("items.find { it.type == 'INVALID_API_KEY' }.defaultResponse", equalTo(true));
        put(api, "INVALID_API_KEY", Map.of("statusCode", 401, "headers", Map.of("WWW-Authenticate", "ApiKey"),
                "body", "{\"error\":\"$context.error.message\",\"id\":\"$context.requestId\"}")).statusCode(200)
                .header("ETag", "\"1\"").body("defaultResponse", equalTo(false)).body("statusCode", equalTo(401));
        get(api, "/gateway-responses/INVALID_API_KEY").statusCode(200)
                .body("headers.WWW-Authenticate", equalTo("ApiKey"))
                .body("body", equalTo("{\"error\":\"$context.error.message\",\"id\":\"$context.requestId\"}"));
        put(api, "INVALID_API_KEY", Map.of("headers", Map.of("X-Env", "$stageVariables.env"))).statusCode(200)
                .header("ETag", "\"2\"").body("statusCode", equalTo(null));
        get(api, "/gateway-responses").body("items.find { it.type == 'INVALID_API_KEY' }.defaultResponse", equalTo(false));

        given().delete(APIS + "/" + api + "/gateway-responses/INVALID_API_KEY").then().statusCode(204);
        get(api, "/gateway-responses/INVALID_API_KEY").statusCode(200).body("defaultResponse", equalTo(true));
        given().delete(APIS + "/" + api + "/gateway-responses/INVALID_API_KEY").then().statusCode(204);
    }

    @Test
    void badGatewayResponsesAreNamed() {
        String api = createApi("bad-gateway-responses");
        problem(get(api, "/gateway-responses/NOT_A_TYPE"), 404, "NOT_FOUND").body("detail", containsString("NOT_A_TYPE"));
        problem(put(api, "NOT_A_TYPE", Map.of()), 404, "NOT_FOUND").body("detail", containsString("NOT_A_TYPE"));
        assertThat(badFields(put(api, "DEFAULT_4XX", Map.of("statusCode", 700,
                "headers", Map.of("Content-Length", "1", "X-A", "$context.nope", "bad name", "x"),
                "body", "$context.error.nope"))))
                .containsExactly("statusCode", "headers.bad name", "headers.Content-Length", "headers.X-A", "body");
        get(api, "/gateway-responses/DEFAULT_4XX").body("defaultResponse", equalTo(true));
    }

    @Test
    void aDeployFreezesThemAndTheSnapshotCarriesThem() {
        String api = createApi("frozen-shaping");
        String integration = post(api, "/integrations", Map.of("type", "HTTP_PROXY", "uri", "http://127.0.0.1:9992/items",
                "responseParameters", SHAPING)).statusCode(201).extract().path("id");
        createRoute(api, "GET /items", integration);
        put(api, "DEFAULT_5XX", Map.of("headers", Map.of("Retry-After", "5"))).statusCode(200);

        String v1 = post(api, "/deployments", Map.of("stageName", "prod")).statusCode(201)
                .body("gatewayResponses.DEFAULT_5XX.headers.Retry-After", equalTo("5"))
                .body("integrations[0].responseParameters.'4XX'.'overwrite:statuscode'", equalTo("410"))
                .extract().path("id");
        Deployment served = served(source.current(), api);
        assertThat(SnapshotValidator.problems(source.current())).isEmpty();
        assertThat(served.gatewayResponses()).containsEntry(GatewayResponseType.DEFAULT_5XX,
                new GatewayResponse(null, Map.of("Retry-After", "5"), null));
        assertThat(((HttpProxyIntegration) served.integrations().get(0)).responseParameters()).isEqualTo(SHAPING);

        put(api, "DEFAULT_5XX", Map.of("statusCode", 503, "headers", Map.of("Retry-After", "5"))).statusCode(200);
        put(api, "MISSING_ROUTE", Map.of("body", "{\"nope\":true}")).statusCode(200);
        get(api, "/stages/prod/pending").statusCode(200).body("hasChanges", equalTo(true))
                .body("changes.kind", hasItem("gatewayResponse"))
                .body("changes.find { it.key == 'DEFAULT_5XX' }.change", equalTo("CHANGED"))
                .body("changes.find { it.key == 'MISSING_ROUTE' }.change", equalTo("ADDED"));
        assertThat(served(source.current(), api).gatewayResponses()).as("draft edits are not live")
                .doesNotContainKey(GatewayResponseType.MISSING_ROUTE);

        String v2 = post(api, "/deployments", Map.of("stageName", "prod")).statusCode(201).extract().path("id");
        get(api, "/deployments/" + v2 + "/diff?base=" + v1).statusCode(200)
                .body("changes.find { it.key == 'DEFAULT_5XX' }.fields.field", equalTo(List.of("statusCode")));
        assertThat(served(source.current(), api).gatewayResponses().get(GatewayResponseType.DEFAULT_5XX).statusCode())
                .isEqualTo(503);
        get(api, "/stages/prod/pending").body("hasChanges", equalTo(false));
    }

    private static Deployment served(Snapshot snapshot, String apiId) {
        Api api = snapshot.apis().stream().filter(a -> a.id().equals(apiId)).findFirst().orElseThrow();
        return api.stages().get(0).deployment();
    }
}
