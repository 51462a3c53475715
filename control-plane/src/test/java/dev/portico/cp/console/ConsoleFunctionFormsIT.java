package dev.portico.cp.console;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portico.cp.api.ApiRequests;
import dev.portico.cp.api.ApiService;
import dev.portico.cp.api.IntegrationRequest;
import dev.portico.cp.api.IntegrationService;
import dev.portico.cp.api.ModelRequest;
import dev.portico.cp.api.ModelService;
import dev.portico.cp.api.RouteService;
import dev.portico.cp.api.RouteView;
import dev.portico.cp.paging.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's FUNCTION integration fields, models tab and route validation fields. */
@QuarkusTest
class ConsoleFunctionFormsIT {

    private static final PageRequest ALL = PageRequest.of(100, null);

    @Inject
    ApiService apis;

    @Inject
    IntegrationService integrations;

    @Inject
    ModelService models;

    @Inject
    RouteService routes;

    private SignedInAdmin admin;
    private String apiId;

    @BeforeEach
    void signIn() {
        admin = SignedInAdmin.signIn();
        apiId = apis.create(new ApiRequests.Create("functions-" + UUID.randomUUID(), null)).id();
    }

    @Test
    void aFunctionIntegrationIsAddedAndItsErrorsShownAtItsFields() {
        Response bad = post("/console/apis/" + apiId + "/integrations", Map.of("type", "FUNCTION",
                "functionUri", "not a url", "payloadFormatVersion", "2.0", "functionTimeoutMillis", "soon"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body().asString()).contains("id=\"functionUri-error\">", "value=\"not a url\"",
                "id=\"functionTimeoutMillis-error\">must be a whole number", "value=\"soon\"");
        assertThat(integrations.list(apiId, ALL).items()).isEmpty();

        Response good = post("/console/apis/" + apiId + "/integrations", Map.of("type", "FUNCTION",
                "functionUri", "http://fn.internal:9000/2015-03-31/functions/function/invocations",
                "payloadFormatVersion", "1.0", "functionTimeoutMillis", "3000", "uri", "", "timeoutMillis", ""));
        assertThat(good.statusCode()).isEqualTo(303);
        var made = integrations.list(apiId, ALL).items().get(0);
        assertThat(made.payloadFormatVersion()).isEqualTo("1.0");
        assertThat(made.timeoutMillis()).isEqualTo(3000);
        String list = get("/console/apis/" + apiId + "/integrations");
        assertThat(list).contains("payload 1.0", "/2015-03-31/functions/function/invocations");
        String edit = get("/console/apis/" + apiId + "/integrations/" + made.id());
        assertThat(edit).contains("<option value=\"FUNCTION\" selected>", "<option value=\"1.0\" selected>",
                "value=\"3000\"");
    }

    @Test
    void aModelWithAnInvalidSchemaKeepsTheTextAndSavesNothing() {
        String typed = "{\"type\": \"no-such-type\"}";
        Response bad = post("/console/apis/" + apiId + "/models", Map.of("name", "Pet", "schema", typed));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body().asString()).contains("id=\"schema-error\">is not a valid JSON Schema",
                "{&quot;type&quot;: &quot;no-such-type&quot;}</textarea>");
        Response notJson = post("/console/apis/" + apiId + "/models", Map.of("name", "not ok", "schema", "{oops"));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body().asString()).contains("id=\"schema-error\">is not JSON", "id=\"name-error\">",
                "{oops</textarea>");
        assertThat(models.list(apiId, ALL).items()).isEmpty();

        assertThat(post("/console/apis/" + apiId + "/models", Map.of("name", "Pet", "description", "a pet",
                "schema", "{\"type\": \"object\", \"required\": [\"name\"]}")).statusCode()).isEqualTo(303);
        String id = models.list(apiId, ALL).items().get(0).id();
        assertThat(get("/console/apis/" + apiId + "/models")).contains("Pet", "a pet");
        assertThat(get("/console/apis/" + apiId + "/models/" + id)).contains("&quot;required&quot;");
        assertThat(post("/console/apis/" + apiId + "/models/" + id, Map.of("name", "Pet", "description", "",
                "schema", "{\"type\": \"object\"}")).statusCode()).isEqualTo(303);
        assertThat(models.get(apiId, id).schema().has("required")).isFalse();
    }

    @Test
    void aRouteGetsValidationAndAModelInUseIsNotDeleted() {
        String integration = integrations.create(apiId, IntegrationRequest.function(
                "http://fn.internal:9000/2015-03-31/functions/function/invocations", null, null)).id();
        String model = models.create(apiId, new ModelRequest("Pet", null,
                JsonNodeFactory.instance.objectNode().put("type", "object"))).id();

        Response bad = post("/console/apis/" + apiId + "/routes", Map.of("routeKey", "POST /pets/{id}",
                "integrationId", integration, "authorizationType", "NONE", "bodyModel", "Nope",
                "requiredParameters", "path.id, body.name"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body().asString()).contains("id=\"bodyModel-error\">this API has no model named Nope",
                "id=\"requiredParameters-error\">", "value=\"path.id, body.name\"");
        assertThat(routes.list(apiId, ALL).items()).isEmpty();

        assertThat(post("/console/apis/" + apiId + "/routes", Map.of("routeKey", "POST /pets/{id}",
                "integrationId", integration, "authorizationType", "NONE", "bodyModel", "Pet",
                "requiredParameters", "path.id, header.X-Tenant")).statusCode()).isEqualTo(303);
        RouteView route = routes.list(apiId, ALL).items().get(0);
        assertThat(route.requestValidation().bodyModel()).isEqualTo("Pet");
        assertThat(route.requestValidation().requiredParameters()).containsExactly("path.id", "header.X-Tenant");
        assertThat(get("/console/apis/" + apiId + "/routes/" + route.id()))
                .contains("<option value=\"Pet\" selected>", "value=\"path.id, header.X-Tenant\"");

        Response inUse = post("/console/apis/" + apiId + "/models/" + model + "/delete", Map.of());
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(inUse.body().asString()).contains("POST /pets/{id}");
        assertThat(models.list(apiId, ALL).items()).hasSize(1);

        assertThat(post("/console/apis/" + apiId + "/routes/" + route.id(), Map.of("routeKey", "POST /pets/{id}",
                "integrationId", integration, "authorizationType", "NONE", "bodyModel", "",
                "requiredParameters", "")).statusCode()).isEqualTo(303);
        assertThat(routes.get(apiId, route.id()).requestValidation()).isNull();
    }

    private String get(String path) {
        return admin.page(path);
    }

    private Response post(String path, Map<String, String> fields) {
        return admin.post(path, fields);
    }
}
