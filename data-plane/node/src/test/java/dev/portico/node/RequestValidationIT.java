package dev.portico.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.node.pipeline.GatewayLimits;
import dev.portico.node.testing.Blocking;
import dev.portico.node.testing.GatewayClient;
import dev.portico.node.testing.GatewayClient.Reply;
import dev.portico.node.testing.RawHttp;
import dev.portico.node.testing.RunningNode;
import dev.portico.node.testing.TestBackend;
import dev.portico.snapshot.Api;
import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.Cors;
import dev.portico.snapshot.Deployment;
import dev.portico.snapshot.DeploymentContent;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.Model;
import dev.portico.snapshot.RequestValidation;
import dev.portico.snapshot.Route;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.Stage;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.portico.node.testing.Snapshots.proxy;
import static dev.portico.node.testing.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/** Request validation on a real node: what clients are told, and what a real backend receives (or does not). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestValidationIT {

    private static final String API = "valid00001";
    private static final String HOST = API + ".localhost";
    private static final String APP = "https://app.test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PET = """
            {"type": "object", "required": ["name"], "additionalProperties": false,
             "properties": {"name": {"type": "string", "minLength": 1}, "age": {"type": "integer"}}}""";

    private final Vertx vertx = Vertx.vertx();
    private TestBackend backend;
    private RunningNode node;
    private GatewayClient client;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        backend = TestBackend.ok(vertx);
        node = RunningNode.start(NodeConfig.forTests(dataDir).withLimits(GatewayLimits.DEFAULT.withMaxBodyBytes(64 * 1024)));
        List<Route> routes = List.of(
                validated("POST /pets", new RequestValidation("Pet", List.of("header.X-Tenant"))),
                validated("GET /stores/{store}/pets", new RequestValidation(null, List.of("querystring.page", "path.store"))),
                new Route("rt-plain", "POST /plain", "backend", AuthorizationType.NONE, false));
        List<Integration> integrations = List.of(proxy("backend", backend.url()));
        DeploymentContent content = new DeploymentContent(routes, integrations, List.of(),
                List.of(new Model("mdl-pet", "Pet", JSON.readTree(PET))), Map.of());
        Stage prod = new Stage("prod", Map.of(), new Deployment("dep-prod", 1, SnapshotCodec.contentHash(content), content));
        Cors cors = new Cors(List.of(APP), List.of("GET", "POST"), List.of("*"), List.of(), null, false);
        node.apply(snapshot(1, new Api(API, API, cors, List.of(prod))));
        client = new GatewayClient(vertx, node.gatewayPort());
    }

    @AfterAll
    void stop() {
        client.close();
        node.close();
        backend.close();
        Blocking.await(vertx.close());
    }

    @Test
    void aValidBodyReachesTheBackendUnchanged() {
        String body = "{ \"name\" : \"Rex\",\n  \"age\": 3 }";

        Reply reply = client.send(HttpMethod.POST, HOST, "/prod/pets", tenant(), body);

        assertThat(reply.status()).isEqualTo(200);
        TestBackend.Received seen = backend.last();
        assertThat(seen.body()).isEqualTo(body);
        assertThat(seen.headers().get("Content-Length")).isEqualTo(String.valueOf(body.length()));
    }

    @Test
    void aChunkedValidBodyIsSentWithItsLength() throws Exception {
        int before = backend.received().size();
        String body = "{\"name\":\"Chunk\"}";
        String request = "POST /prod/pets HTTP/1.1\r\nHost: " + HOST + "\r\nX-Tenant: acme\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\n" + body.substring(0, 5) + "\r\n" + Integer.toHexString(body.length() - 5) + "\r\n"
                + body.substring(5) + "\r\n0\r\n\r\n";

        String response = RawHttp.exchange(node.gatewayPort(), request, 1_000);

        assertThat(response).startsWith("HTTP/1.1 200");
        assertThat(backend.received()).hasSize(before + 1);
        assertThat(backend.last().body()).isEqualTo(body);
        assertThat(backend.last().headers().get("Content-Length")).isEqualTo(String.valueOf(body.length()));
    }

    @Test
    void aClientExpecting100ContinueIsToldToSend() throws Exception {
        String body = "{\"name\":\"Waits\"}";
        String request = "POST /prod/pets HTTP/1.1\r\nHost: " + HOST + "\r\nX-Tenant: acme\r\nExpect: 100-continue\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;

        String response = RawHttp.exchange(node.gatewayPort(), request, 1_000);

        assertThat(response).startsWith("HTTP/1.1 100 Continue").contains("HTTP/1.1 200");
        assertThat(backend.last().body()).isEqualTo(body);
        assertThat(backend.last().headers().contains("Expect")).isFalse();
    }

    @Test
    void anInvalidBodyIs400WithEveryFailureAndNeverReachesTheBackend() throws Exception {
        int before = backend.received().size();
        MultiMap headers = tenant().add("Origin", APP);

        Reply reply = client.send(HttpMethod.POST, HOST, "/prod/pets", headers, "{\"name\":\"\",\"age\":\"old\",\"x\":1}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("X-Request-Id")).isNotBlank();
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        var answer = JSON.readTree(reply.body());
        assertThat(answer.get("message").asText()).isEqualTo("Invalid request body");
        assertThat(answer.get("errors")).extracting(e -> e.asText()).containsExactlyInAnyOrder(
                "$.name: must be at least 1 characters long",
                "$.age: string found, integer expected",
                "$: property 'x' is not defined in the schema and the schema does not allow additional properties");
        assertThat(backend.received()).hasSize(before);
    }

    @Test
    void aBodyThatIsNotJsonOrIsEmptyIs400() throws Exception {
        int before = backend.received().size();

        Reply notJson = client.send(HttpMethod.POST, HOST, "/prod/pets", tenant(), "name=Rex");
        Reply empty = client.send(HttpMethod.POST, HOST, "/prod/pets", tenant(), null);

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).get("errors").get(0).asText()).startsWith("request body is not valid JSON");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).get("errors").get(0).asText()).startsWith("request body is empty");
        assertThat(backend.received()).hasSize(before);
    }

    @Test
    void missingParametersAre400NamingEachOne() throws Exception {
        int before = backend.received().size();

        Reply noTenant = client.send(HttpMethod.POST, HOST, "/prod/pets", MultiMap.caseInsensitiveMultiMap(),
                "{\"name\":\"Rex\"}");
        Reply emptyPage = client.get(HOST, "/prod/stores/s1/pets?page=");

        assertThat(noTenant.status()).isEqualTo(400);
        assertThat(noTenant.header("X-Request-Id")).isNotBlank();
        assertThat(JSON.readTree(noTenant.body()).toString())
                .isEqualTo("{\"message\":\"Missing required request parameters\",\"errors\":[\"header.X-Tenant\"]}");
        assertThat(JSON.readTree(emptyPage.body()).get("errors")).extracting(e -> e.asText())
                .containsExactly("querystring.page");
        assertThat(backend.received()).hasSize(before);
        assertThat(client.get(HOST, "/prod/stores/s1/pets?page=2").status()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        int before = backend.received().size();
        String chunk = "x".repeat(16 * 1024);
        StringBuilder request = new StringBuilder("POST /prod/pets HTTP/1.1\r\nHost: " + HOST
                + "\r\nX-Tenant: acme\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 5; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");

        String response = RawHttp.exchange(node.gatewayPort(), request.toString(), 1_000);

        assertThat(response).startsWith("HTTP/1.1 413 Request Entity Too Large")
                .containsIgnoringCase("x-request-id: ")
                .endsWith("{\"message\":\"Request Entity Too Large\"}");
        assertThat(backend.received()).hasSize(before);
    }

    @Test
    void aRouteWithoutValidationStillStreams() {
        String body = "not json at all";

        Reply reply = client.send(HttpMethod.POST, HOST, "/prod/plain", MultiMap.caseInsensitiveMultiMap(), body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(backend.last().body()).isEqualTo(body);
    }

    @Test
    void passesAndRefusalsAreCounted() {
        client.send(HttpMethod.POST, HOST, "/prod/pets", tenant(), "{\"name\":\"Rex\"}");
        client.send(HttpMethod.POST, HOST, "/prod/pets", tenant(), "[]");
        client.get(HOST, "/prod/stores/s1/pets");

        String metrics = client.getStatus(node.statusPort(), "/metrics");

        assertThat(metrics).containsPattern("portico_requests_validated_total\\{api=\"" + API
                + "\",route=\"POST /pets\",stage=\"prod\"} [1-9]");
        assertThat(metrics).containsPattern("portico_requests_rejected_total\\{api=\"" + API
                + "\",reason=\"bad_request_body\",route=\"POST /pets\",stage=\"prod\"} [1-9]");
        assertThat(metrics).containsPattern("portico_requests_rejected_total\\{api=\"" + API
                + "\",reason=\"bad_request_parameters\",route=\"GET /stores/\\{store}/pets\",stage=\"prod\"} [1-9]");
        assertThat(metrics).containsPattern("portico_gateway_errors_total\\{key=\"BAD_REQUEST_BODY\"} [1-9]");
    }

    private static Route validated(String routeKey, RequestValidation validation) {
        return new Route("rt-" + Math.abs(routeKey.hashCode()), routeKey, "backend", AuthorizationType.NONE, null,
                List.of(), false, validation);
    }

    private static MultiMap tenant() {
        return MultiMap.caseInsensitiveMultiMap().add("X-Tenant", "acme");
    }
}
