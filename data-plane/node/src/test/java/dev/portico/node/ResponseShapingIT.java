package dev.portico.node;

import dev.portico.node.testing.Blocking;
import dev.portico.node.testing.GatewayClient;
import dev.portico.node.testing.GatewayClient.Reply;
import dev.portico.node.testing.RunningNode;
import dev.portico.node.testing.TestBackend;
import dev.portico.snapshot.Api;
import dev.portico.snapshot.Cors;
import dev.portico.snapshot.Deployment;
import dev.portico.snapshot.DeploymentContent;
import dev.portico.snapshot.GatewayResponse;
import dev.portico.snapshot.GatewayResponseType;
import dev.portico.snapshot.HttpProxyIntegration;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.Route;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.Stage;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.portico.node.testing.Snapshots.keyedRoute;
import static dev.portico.node.testing.Snapshots.route;
import static dev.portico.node.testing.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/** Response parameter mapping and gateway responses on a real node in front of a real backend. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseShapingIT {

    private static final String HOST = "shapeit001.localhost";
    private static final String ORIGIN = "https://app.example.com";

    private final Vertx vertx = Vertx.vertx();
    private TestBackend backend;
    private RunningNode node;
    private GatewayClient client;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        backend = TestBackend.start(vertx, request -> {
            switch (request.path()) {
                case "/items" -> request.response().putHeader("Content-Type", "application/json")
                        .putHeader("Server", "backend").putHeader("X-Up", "7").end("{\"item\":{\"name\":\"Rex\"}}");
                case "/gone" -> request.response().setStatusCode(404).putHeader("Server", "backend").end("gone");
                case "/plain" -> request.response().putHeader("Access-Control-Allow-Origin", "*")
                        .putHeader("X-Up", "7").end("streamed as it came");
                case "/slow" -> vertx.setTimer(3_000, t -> request.response().end("late"));
                default -> request.response().setStatusCode(500).end();
            }
        });
        node = RunningNode.start(dataDir);
        Map<String, Map<String, String>> shaping = Map.of(
                "200", Map.of("overwrite:header.X-Item-Name", "$response.body.item.name",
                        "append:header.X-Served-By", "$context.stage",
                        "remove:header.Server", ""),
                "2XX", Map.of("overwrite:header.X-Range", "2XX"),
                "404", Map.of("overwrite:statuscode", "410", "overwrite:header.X-Was", "$response.header.Server"),
                "5XX", Map.of("overwrite:header.X-Range", "5XX"));
        List<Integration> integrations = List.of(
                new HttpProxyIntegration("items", backend.url() + "/items", "ANY", 0, null, Map.of(), shaping),
                new HttpProxyIntegration("gone", backend.url() + "/gone", "ANY", 0, null, Map.of(), shaping),
                new HttpProxyIntegration("plain", backend.url() + "/plain", "ANY", 0, null, Map.of(),
                        Map.of("200", Map.of("overwrite:header.X-Up", "up-$response.header.X-Up"))),
                new HttpProxyIntegration("slow", backend.url() + "/slow", "ANY", 300, null, Map.of(), shaping));
        List<Route> routes = List.of(route("GET /items", "items"), route("GET /gone", "gone"),
                route("GET /plain", "plain"), route("GET /slow", "slow"), keyedRoute("GET /keyed", "items"));
        Map<GatewayResponseType, GatewayResponse> answers = Map.of(
                GatewayResponseType.INVALID_API_KEY, new GatewayResponse(null, Map.of("X-Env", "$stageVariables.env"),
                        "{\"msg\":$context.error.messageString,\"id\":\"$context.requestId\",\"type\":\"$context.error.responseType\"}"),
                GatewayResponseType.DEFAULT_4XX, new GatewayResponse(null, Map.of("X-Default", "4xx"),
                        "{\"default\":\"$context.error.message\",\"stage\":\"$context.stage\"}"),
                GatewayResponseType.INTEGRATION_TIMEOUT, new GatewayResponse(503, Map.of("Retry-After", "5"),
                        "{\"timeout\":\"${context.requestId}\"}"));
        DeploymentContent content = new DeploymentContent(routes, integrations, List.of(), List.of(), answers);
        Deployment deployment = new Deployment("dep-shape-1", 1, SnapshotCodec.contentHash(content), content);
        Cors cors = new Cors(List.of(ORIGIN), List.of("GET"), List.of(), List.of(), null, false);
        node.apply(snapshot(1, new Api("shapeit001", "shaping", cors,
                List.of(new Stage("prod", Map.of("env", "blue"), deployment)))));
        client = new GatewayClient(vertx, node.gatewayPort());
    }

    @AfterAll
    void stop() {
        client.close();
        node.close();
        backend.close();
        Blocking.await(vertx.close());
    }

    private static MultiMap origin() {
        return MultiMap.caseInsensitiveMultiMap().add("Origin", ORIGIN);
    }

    @Test
    void aJsonBodyIsReadAndTheSpecificCodeWins() {
        Reply reply = client.get(HOST, "/prod/items", origin());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"item\":{\"name\":\"Rex\"}}");
        assertThat(reply.header("X-Item-Name")).isEqualTo("Rex");
        assertThat(reply.header("X-Served-By")).isEqualTo("prod");
        assertThat(reply.header("Server")).isNull();
        assertThat(reply.header("X-Range")).as("a specific code beats its range").isNull();
        assertThat(reply.header("X-Request-Id")).isNotBlank();
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    }

    @Test
    void theStatusIsOverwritten() {
        Reply reply = client.get(HOST, "/prod/gone", MultiMap.caseInsensitiveMultiMap());

        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.body()).isEqualTo("gone");
        assertThat(reply.header("X-Was")).isEqualTo("backend");
    }

    @Test
    void withoutBodyReferencesTheResponseStreamsAndCorsStillWins() {
        Reply reply = client.get(HOST, "/prod/plain", origin());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("streamed as it came");
        assertThat(reply.header("X-Up")).isEqualTo("up-7");
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    }

    @Test
    void aMissingKeyGetsTheCustomisedAnswer() {
        Reply reply = client.get(HOST, "/prod/keyed", origin());

        assertThat(reply.status()).as("status kept").isEqualTo(403);
        String requestId = reply.header("X-Request-Id");
        assertThat(requestId).isNotBlank();
        JsonObject body = new JsonObject(reply.body());
        assertThat(body.getString("msg")).isEqualTo("Forbidden");
        assertThat(body.getString("id")).isEqualTo(requestId);
        assertThat(body.getString("type")).isEqualTo("INVALID_API_KEY");
        assertThat(reply.header("X-Env")).isEqualTo("blue");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.header("Access-Control-Allow-Origin")).as("CORS headers still apply").isEqualTo(ORIGIN);
    }

    @Test
    void aClientsRequestIdIsKeptInTheCustomisedAnswer() {
        Reply reply = client.get(HOST, "/prod/keyed", MultiMap.caseInsensitiveMultiMap().add("X-Request-Id", "abc-123"));

        assertThat(reply.header("X-Request-Id")).isEqualTo("abc-123");
        assertThat(new JsonObject(reply.body()).getString("id")).isEqualTo("abc-123");
    }

    @Test
    void otherClientErrorsFallToDefault4xx() {
        Reply reply = client.get(HOST, "/prod/nothing-here", MultiMap.caseInsensitiveMultiMap());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(new JsonObject(reply.body()).getMap()).isEqualTo(Map.of("default", "Not Found", "stage", "prod"));
        assertThat(reply.header("X-Default")).isEqualTo("4xx");
    }

    @Test
    void aTimeoutIsCustomised() {
        Reply reply = client.get(HOST, "/prod/slow", MultiMap.caseInsensitiveMultiMap());

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("5");
        assertThat(new JsonObject(reply.body()).getString("timeout")).isEqualTo(reply.header("X-Request-Id"));
        assertThat(reply.header("X-Range")).as("gateway answers are not response-mapped").isNull();
    }

    @Test
    void answersBeforeAStageIsKnownStayBuiltIn() {
        Reply reply = client.get(HOST, "/nostage/items", MultiMap.caseInsensitiveMultiMap());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(reply.header("X-Default")).isNull();
    }
}
