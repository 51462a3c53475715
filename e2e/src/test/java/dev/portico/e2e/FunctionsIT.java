package dev.portico.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 end to end, as a user moving a function off Amazon API Gateway does it through the admin
 * API: a model, FUNCTION integrations of both payload versions, a route that validates its body and
 * a required parameter, a deployment, and requests through a real node to a real function process.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunctionsIT {

    private static final String PET_SCHEMA = """
            {"$schema": "http://json-schema.org/draft-04/schema#", "type": "object", "required": ["name"],
             "properties": {"name": {"type": "string", "minLength": 1}, "age": {"type": "integer", "minimum": 0}}}""";

    private ControlPlane cp;
    private Node node;
    private AdminClient admin;
    private EchoFunction function;
    private String apiId;

    @BeforeAll
    void start() {
        cp = ControlPlane.start("functions-cp");
        node = Node.start("functions-node", cp);
        admin = cp.admin();
        function = EchoFunction.start();
        apiId = admin.post("/admin/v1/apis", Map.of("name", "pets-fn")).expect(201).json().get("id").asText();
    }

    @AfterAll
    void stop() {
        function.close();
        node.close();
        cp.close();
    }

    @Test
    void validatedBodiesReachTheFunctionAndBadOnesNeverDo() {
        admin.post(api("/models"), Map.of("name", "Pet", "schema", Json.parse(PET_SCHEMA))).expect(201);
        String v2 = integration("pets-v2", "2.0");
        String v1 = integration("pets-v1", "1.0");
        admin.post(api("/routes"), Map.of("routeKey", "POST /pets", "integrationId", v2,
                "requestValidation", Map.of("bodyModel", "Pet", "requiredParameters", List.of("querystring.store"))))
                .expect(201);
        admin.post(api("/routes"), Map.of("routeKey", "GET /pets/{id}", "integrationId", v1)).expect(201);
        admin.post(api("/deployments"), Map.of("stageName", "prod")).expect(201);
        Waits.until(Duration.ofSeconds(5), "route served",
                () -> node.get(apiId, "/prod/pets/7").statusCode() == 201);

        HttpResponse<String> created = post("/prod/pets?store=north", "{\"name\":\"Rex\",\"age\":3}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Function")).hasValue("echo");
        assertThat(created.headers().allValues("Set-Cookie")).containsExactly("flavour=echo; Path=/");
        JsonNode seen = Json.parse(created.body());
        assertThat(seen.get("invoked").asText()).isEqualTo("/2015-03-31/functions/pets-v2/invocations");
        assertThat(seen.get("method").asText()).isEqualTo("POST");
        assertThat(seen.get("body").asText()).isEqualTo("{\"name\":\"Rex\",\"age\":3}");

        JsonObject before = lastEvent();
        HttpResponse<String> got = node.get(apiId, "/prod/pets/7?q=a&q=b");
        assertThat(got.statusCode()).isEqualTo(201);
        JsonObject event = lastEvent();
        assertThat(event).isNotEqualTo(before);
        assertThat(event.getString("resource")).isEqualTo("/pets/{id}");
        assertThat(event.getJsonObject("pathParameters").getString("id")).isEqualTo("7");
        assertThat(event.getJsonObject("multiValueQueryStringParameters").getJsonArray("q").getList())
                .containsExactly("a", "b");
        assertThat(event.getJsonObject("requestContext").getString("stage")).isEqualTo("prod");

        int invocations = function.events().size();
        assertRefused(post("/prod/pets?store=north", "{\"age\":-1}"), "Invalid request body");
        assertRefused(post("/prod/pets?store=north", "not json"), "Invalid request body");
        assertRefused(post("/prod/pets", "{\"name\":\"Rex\"}"), "Missing required request parameters");
        assertThat(function.events()).as("refused requests never reach the function").hasSize(invocations);
    }

    @Test
    void badInputIsNamedAndSavesNothing() {
        String other = admin.post("/admin/v1/apis", Map.of("name", "bad-fn")).expect(201).json().get("id").asText();
        String base = "/admin/v1/apis/" + other;
        assertField(admin.post(base + "/integrations", Map.of("type", "FUNCTION", "payloadFormatVersion", "2.0")), "uri");
        assertField(admin.post(base + "/integrations", Map.of("type", "FUNCTION", "uri", function.invokeUrl("x"),
                "payloadFormatVersion", "3.0")), "payloadFormatVersion");
        assertThat(admin.get(base + "/integrations").expect(200).json().get("items")).isEmpty();

        assertField(admin.post(base + "/models", Map.of("name", "Broken", "schema",
                Json.parse("{\"type\": \"no-such-type\"}"))), "schema");
        assertThat(admin.get(base + "/models").expect(200).json().get("items")).isEmpty();

        String model = admin.post(base + "/models", Map.of("name", "Order", "schema", Json.parse("{\"type\":\"object\"}")))
                .expect(201).json().get("id").asText();
        String fn = admin.post(base + "/integrations", Map.of("type", "FUNCTION", "uri", function.invokeUrl("orders"),
                "payloadFormatVersion", "1.0")).expect(201).json().get("id").asText();
        assertField(admin.post(base + "/routes", Map.of("routeKey", "POST /orders", "integrationId", fn,
                "requestValidation", Map.of("bodyModel", "Missing"))), "requestValidation.bodyModel");
        admin.post(base + "/routes", Map.of("routeKey", "POST /orders", "integrationId", fn,
                "requestValidation", Map.of("bodyModel", "Order"))).expect(201);
        AdminClient.Answer inUse = admin.delete(base + "/models/" + model);
        assertThat(inUse.status()).as(inUse.body()).isEqualTo(409);
        admin.get(base + "/models/" + model).expect(200);
    }

    private String integration(String name, String version) {
        return admin.post(api("/integrations"), Map.of("type", "FUNCTION", "uri", function.invokeUrl(name),
                "payloadFormatVersion", version)).expect(201).json().get("id").asText();
    }

    private HttpResponse<String> post(String path, String body) {
        return node.request(apiId, "POST", path, Map.of("Content-Type", "application/json"), body);
    }

    private JsonObject lastEvent() {
        List<JsonObject> events = function.events();
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    private String api(String path) {
        return "/admin/v1/apis/" + apiId + path;
    }

    private static void assertRefused(HttpResponse<String> answer, String message) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode body = Json.parse(answer.body());
        assertThat(body.get("message").asText()).isEqualTo(message);
        assertThat(body.get("errors")).as(answer.body()).isNotEmpty();
        assertThat(answer.headers().firstValue("X-Request-Id")).isPresent();
    }

    private static void assertField(AdminClient.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(Json.stream(answer.json().get("errors")).map(e -> e.get("field").asText())).as(answer.body())
                .contains(field);
    }
}
