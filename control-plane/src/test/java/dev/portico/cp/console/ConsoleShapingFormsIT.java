package dev.portico.cp.console;

import dev.portico.cp.api.ApiRequests;
import dev.portico.cp.api.ApiService;
import dev.portico.cp.api.GatewayResponseService;
import dev.portico.cp.api.IntegrationService;
import dev.portico.cp.paging.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The response mapping rows of the integration form and the gateway responses tab. */
@QuarkusTest
class ConsoleShapingFormsIT {

    @Inject
    ApiService apis;

    @Inject
    IntegrationService integrations;

    @Inject
    GatewayResponseService responses;

    private SignedInAdmin admin;
    private String apiId;

    @BeforeEach
    void signIn() {
        admin = SignedInAdmin.signIn();
        apiId = apis.create(new ApiRequests.Create("shaping-" + UUID.randomUUID(), null)).id();
    }

    @Test
    void responseMappingRowsAreSavedAndABadRowIsShownAtIt() {
        Response bad = post("/console/apis/" + apiId + "/integrations", Map.of("type", "HTTP_PROXY",
                "uri", "http://127.0.0.1:9/items", "method", "ANY",
                "responseParameters[0].status", "200", "responseParameters[0].key", "overwrite:header.Content-Length",
                "responseParameters[0].value", "1"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body().asString()).contains("id=\"response-0-error\">header Content-Length is reserved")
                .contains("value=\"overwrite:header.Content-Length\"");
        assertThat(integrations.list(apiId, PageRequest.of(10, null)).items()).isEmpty();

        Response ok = post("/console/apis/" + apiId + "/integrations", Map.of("type", "HTTP_PROXY",
                "uri", "http://127.0.0.1:9/items", "method", "ANY",
                "responseParameters[0].status", "404", "responseParameters[0].key", "overwrite:statuscode",
                "responseParameters[0].value", "410"));
        assertThat(ok.statusCode()).isEqualTo(303);
        String id = integrations.list(apiId, PageRequest.of(10, null)).items().get(0).id();
        assertThat(integrations.get(apiId, id).responseParameters()).isEqualTo(Map.of("404",
                Map.of("overwrite:statuscode", "410")));
        assertThat(page("/console/apis/" + apiId + "/integrations/" + id)).contains("value=\"404\"", "value=\"410\"");
    }

    @Test
    void gatewayResponsesAreListedEditedAndReset() {
        assertThat(page("/console/apis/" + apiId + "/gateway-responses")).contains("INVALID_API_KEY", "DEFAULT_5XX");

        Response bad = post("/console/apis/" + apiId + "/gateway-responses/INVALID_API_KEY",
                Map.of("statusCode", "soon", "headers", "Content-Length: 1", "body", "$context.nope"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body().asString()).contains("id=\"statusCode-error\">must be a whole number")
                .contains("id=\"headers-error\">Content-Length: is set by the gateway")
                .contains("id=\"body-error\">$context.nope is not known");
        assertThat(responses.get(apiId, "INVALID_API_KEY").defaultResponse()).isTrue();

        Response ok = post("/console/apis/" + apiId + "/gateway-responses/INVALID_API_KEY",
                Map.of("statusCode", "401", "headers", "WWW-Authenticate: ApiKey", "body", "{\"id\":\"$context.requestId\"}"));
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(responses.get(apiId, "INVALID_API_KEY").headers()).isEqualTo(Map.of("WWW-Authenticate", "ApiKey"));
        assertThat(page("/console/apis/" + apiId + "/gateway-responses/INVALID_API_KEY"))
                .contains("WWW-Authenticate: ApiKey", "Reset to built-in");

        assertThat(page("/console/apis/" + apiId + "/gateway-responses/INVALID_API_KEY/reset")).contains("Reset INVALID_API_KEY");
        assertThat(post("/console/apis/" + apiId + "/gateway-responses/INVALID_API_KEY/reset", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(responses.get(apiId, "INVALID_API_KEY").defaultResponse()).isTrue();
    }

    private String page(String path) {
        return admin.page(path);
    }

    private Response post(String path, Map<String, String> fields) {
        return admin.post(path, fields);
    }
}
