package dev.portico.node;

import dev.portico.node.testing.Blocking;
import dev.portico.node.pipeline.GatewayLimits;
import dev.portico.node.testing.GatewayClient;
import dev.portico.node.testing.GatewayClient.Reply;
import dev.portico.node.testing.RawHttp;
import dev.portico.node.testing.RunningNode;
import dev.portico.node.testing.TestBackend;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.Route;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.mock;
import static dev.portico.node.testing.Snapshots.proxy;
import static dev.portico.node.testing.Snapshots.route;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;

/** A real node proxying to real backends on loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayProxyIT {

    private static final String PETS = "k3x9q2m7ab.localhost";
    private static final String SHOP = "shop000001.localhost";
    private static final int BIG = 2 * 1024 * 1024;

    private final Vertx vertx = Vertx.vertx();
    private TestBackend backend;
    private RunningNode node;
    private GatewayClient client;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        backend = TestBackend.start(vertx, request -> {
            var response = request.response()
                    .putHeader("Content-Type", "text/plain")
                    .putHeader("X-End", "yes")
                    .putHeader("Connection", "X-Internal")
                    .putHeader("X-Internal", "hidden")
                    .putHeader("Keep-Alive", "timeout=5")
                    .putHeader("Proxy-Authenticate", "Basic")
                    .putHeader("Upgrade", "foo");
            if (request.path().startsWith("/big")) {
                response.end("x".repeat(BIG));
            } else {
                response.end("ok from backend");
            }
        });
        node = RunningNode.start(NodeConfig.forTests(dataDir).withLimits(GatewayLimits.DEFAULT.withMaxBodyBytes(64 * 1024)));
        List<Route> petRoutes = List.of(
                route("GET /pets/{id}", "pets"),
                route("ANY /files/{proxy+}", "files"),
                route("PUT /convert", "convert"),
                route("GET /big", "big"),
                route("GET /ping", "ping"));
        List<Integration> petIntegrations = List.of(
                proxy("pets", backend.url() + "/pets/{id}", "GET", 5000),
                proxy("files", backend.url() + "/store/{proxy}"),
                proxy("convert", backend.url() + "/convert?fixed=1", "POST", 5000),
                proxy("big", backend.url() + "/big"),
                mock("ping", 200, "{\"pong\":true}"));
        Map<String, String> vars = Map.of("backend", "127.0.0.1:" + backend.port());
        node.apply(snapshot(3,
                api("k3x9q2m7ab", stage("prod", petRoutes, petIntegrations)),
                api("shop000001",
                        stage("$default", vars, List.of(route("ANY /files/{proxy+}", "files"), route("$default", "fallback")),
                                List.of(proxy("files", "http://${stageVariables.backend}/default/{proxy}"),
                                        mock("fallback", 404, "{\"message\":\"nothing here\"}"))),
                        stage("dev", vars, List.of(route("ANY /files/{proxy+}", "files")),
                                List.of(proxy("files", "http://${stageVariables.backend}/dev/{proxy}"))))));
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
    void proxiesWithPathParametersQueryAndForwardedHeaders() throws Exception {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-For", "10.0.0.1");

        Reply reply = client.send(HttpMethod.GET, PETS, "/prod/pets/4%202?x=1&y=a%20b", headers, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("ok from backend");
        TestBackend.Received seen = backend.last();
        assertThat(seen.uri()).isEqualTo("/pets/4%202?x=1&y=a%20b");
        assertThat(seen.headers().get("X-Forwarded-For")).isEqualTo("10.0.0.1, 127.0.0.1");
        assertThat(seen.headers().get("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(seen.headers().get("X-Forwarded-Host")).isEqualTo(PETS + ":" + node.gatewayPort());
        assertThat(seen.headers().get("Host")).isEqualTo("127.0.0.1:" + backend.port());
        assertThat(reply.header("X-Request-Id")).matches("[0-9a-f]{32}").isEqualTo(seen.headers().get("X-Request-Id"));
        String line = node.accessLog().await(l -> l.contains(reply.header("X-Request-Id")), Duration.ofSeconds(5));
        JsonObject log = new JsonObject(line);
        assertThat(log.fieldNames()).containsExactly("requestId", "time", "ip", "method", "host", "path", "routeKey",
                "apiId", "stage", "deployment", "status", "bytesIn", "bytesOut", "latencyMs", "integrationLatencyMs", "apiKeyId",
                "principal", "error");
        assertThat(log.getValue("apiKeyId")).as("no key on this route").isNull();
        assertThat(log.getValue("principal")).as("no authorizer on this route").isNull();
        assertThat(log.getString("routeKey")).isEqualTo("GET /pets/{id}");
        assertThat(log.getString("apiId")).isEqualTo("k3x9q2m7ab");
        assertThat(log.getString("stage")).isEqualTo("prod");
        assertThat(log.getString("deployment")).isEqualTo("dep-prod");
        assertThat(log.getString("path")).isEqualTo("/prod/pets/4%202");
        assertThat(log.getInteger("status")).isEqualTo(200);
        assertThat(log.getLong("bytesOut")).isPositive();
        assertThat(log.getDouble("integrationLatencyMs")).isPositive();
        assertThat(log.getDouble("latencyMs")).isGreaterThanOrEqualTo(log.getDouble("integrationLatencyMs"));
        assertThat(log.getValue("error")).isNull();
    }

    @Test
    void aWellFormedClientRequestIdIsKept() {
        Reply kept = client.send(HttpMethod.GET, PETS, "/prod/pets/1",
                MultiMap.caseInsensitiveMultiMap().add("X-Request-Id", "trace-42:a.b_c"), null);
        assertThat(kept.header("X-Request-Id")).isEqualTo("trace-42:a.b_c");
        assertThat(backend.last().headers().get("X-Request-Id")).isEqualTo("trace-42:a.b_c");

        Reply replaced = client.send(HttpMethod.GET, PETS, "/prod/pets/1",
                MultiMap.caseInsensitiveMultiMap().add("X-Request-Id", "no spaces allowed"), null);
        assertThat(replaced.header("X-Request-Id")).matches("[0-9a-f]{32}");
    }

    @Test
    void hopByHopHeadersAreDroppedBothWays() throws Exception {
        String response = RawHttp.exchange(node.gatewayPort(), "GET /prod/pets/7 HTTP/1.1\r\n"
                + "Host: " + PETS + "\r\n"
                + "Connection: close, X-Secret\r\n"
                + "X-Secret: s3cr3t\r\n"
                + "Keep-Alive: timeout=5\r\n"
                + "Proxy-Authorization: Basic abc\r\n"
                + "TE: trailers\r\n"
                + "X-Kept: yes\r\n\r\n", 300);

        MultiMap seen = backend.last().headers();
        assertThat(seen.get("X-Kept")).isEqualTo("yes");
        assertThat(seen.names()).map(String::toLowerCase)
                .doesNotContain("x-secret", "keep-alive", "proxy-authorization", "te");
        assertThat(response).startsWith("HTTP/1.1 200");
        String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).contains("x-end: yes").contains("x-request-id: ")
                .doesNotContain("x-internal").doesNotContain("keep-alive").doesNotContain("proxy-authenticate")
                .doesNotContain("upgrade");
    }

    @Test
    void anyPassesTheClientMethodAndStreamsTheBody() {
        Reply reply = client.send(HttpMethod.POST, PETS, "/prod/files/a%2Fb/c.txt?v=2",
                MultiMap.caseInsensitiveMultiMap(), "hello body");

        assertThat(reply.status()).isEqualTo(200);
        TestBackend.Received seen = backend.last();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.uri()).isEqualTo("/store/a%2Fb/c.txt?v=2");
        assertThat(seen.body()).isEqualTo("hello body");
    }

    @Test
    void expectContinueIsAnsweredByTheGatewayNotPassedOn() throws Exception {
        String response = RawHttp.exchange(node.gatewayPort(), "POST /prod/files/expect HTTP/1.1\r\nHost: " + PETS
                + "\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello", 500);

        assertThat(response).startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK");
        TestBackend.Received seen = backend.last();
        assertThat(seen.body()).isEqualTo("hello");
        assertThat(seen.headers().contains("Expect")).isFalse();
    }

    @Test
    void aFixedMethodReplacesTheClientsAndTheQueriesMerge() {
        client.send(HttpMethod.PUT, PETS, "/prod/convert?to=json", MultiMap.caseInsensitiveMultiMap(), "{}");

        assertThat(backend.last().method()).isEqualTo("POST");
        assertThat(backend.last().uri()).isEqualTo("/convert?fixed=1&to=json");
    }

    @Test
    void headOnAGetRouteStaysHead() {
        Reply reply = client.send(HttpMethod.HEAD, PETS, "/prod/pets/9", MultiMap.caseInsensitiveMultiMap(), null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
        assertThat(backend.last().method()).isEqualTo("HEAD");
        assertThat(reply.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void largeResponsesStreamThroughIntact() {
        Reply reply = client.get(PETS, "/prod/big");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).hasSize(BIG);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhileStreaming() throws Exception {
        StringBuilder chunks = new StringBuilder();
        String chunk = "y".repeat(16 * 1024);
        for (int i = 0; i < 6; i++) {
            chunks.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        String response = RawHttp.exchange(node.gatewayPort(), "POST /prod/files/upload HTTP/1.1\r\n"
                + "Host: " + PETS + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks + "0\r\n\r\n", 3_000);

        assertThat(response).startsWith("HTTP/1.1 413").contains("{\"message\":\"Request Entity Too Large\"}");
    }

    @Test
    void mockIsAnsweredByTheGateway() {
        Reply reply = client.get(PETS, "/prod/ping");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"pong\":true}");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.header("X-Request-Id")).isNotBlank();

        Reply head = client.send(HttpMethod.HEAD, PETS, "/prod/ping", MultiMap.caseInsensitiveMultiMap(), null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aRejectedBodyIsDrainedAndTheConnectionStaysUsable() throws Exception {
        String post = "POST /prod/ping HTTP/1.1\r\nHost: " + PETS + "\r\nContent-Length: 5\r\n\r\nhello";
        String get = "GET /prod/ping HTTP/1.1\r\nHost: " + PETS + "\r\n\r\n";

        String response = RawHttp.exchange(node.gatewayPort(), post + get, 300);

        assertThat(response).startsWith("HTTP/1.1 404 Not Found");
        assertThat(response.indexOf("HTTP/1.1 200 OK")).isGreaterThan(0);
        assertThat(response).endsWith("{\"pong\":true}");
    }

    @Test
    void theDefaultStageRoutesWholePathsAndNamedStagesStillWin() {
        assertThat(client.get(SHOP, "/files/x/y").status()).isEqualTo(200);
        assertThat(backend.last().uri()).isEqualTo("/default/x/y");

        assertThat(client.get(SHOP, "/dev/files/x").status()).isEqualTo(200);
        assertThat(backend.last().uri()).isEqualTo("/dev/x");

        Reply fallback = client.get(SHOP, "/anything/else");
        assertThat(fallback.status()).isEqualTo(404);
        assertThat(fallback.body()).isEqualTo("{\"message\":\"nothing here\"}");
    }
}
