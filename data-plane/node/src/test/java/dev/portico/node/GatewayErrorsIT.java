package dev.portico.node;

import dev.portico.node.testing.Blocking;
import dev.portico.node.testing.GatewayClient;
import dev.portico.node.testing.GatewayClient.Reply;
import dev.portico.node.testing.RawHttp;
import dev.portico.node.testing.RunningNode;
import dev.portico.node.testing.TestBackend;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.proxy;
import static dev.portico.node.testing.Snapshots.route;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;

/** The answers the gateway gives itself, and the protections of the server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayErrorsIT {

    private static final String API = "errors0001.localhost";

    private final Vertx vertx = Vertx.vertx();
    private TestBackend slow;
    private TestBackend rude;
    private TestBackend flaky;
    private TestBackend breaking;
    private final AtomicBoolean hangUpNext = new AtomicBoolean();
    private RunningNode node;
    private GatewayClient client;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        slow = TestBackend.start(vertx, request -> vertx.setTimer(2_000, t -> request.response().end("late")));
        rude = TestBackend.start(vertx, request -> request.connection().close());
        breaking = TestBackend.start(vertx, request -> {
            request.response().setChunked(true).write("partial");
            vertx.setTimer(100, t -> request.connection().close());
        });
        flaky = TestBackend.start(vertx, request -> {
            if (hangUpNext.getAndSet(false)) {
                request.connection().close();
            } else {
                request.response().end("second try");
            }
        });
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        node = RunningNode.start(dataDir);
        client = new GatewayClient(vertx, node.gatewayPort());
        assertThat(client.get(API, "/prod/ok").status()).as("before any snapshot").isEqualTo(404);
        node.apply(snapshot(1, api("errors0001", stage("prod",
                List.of(route("GET /closed", "closed"), route("GET /slow", "slow"), route("GET /rude", "rude"),
                        route("GET /ok", "ok"), route("GET /unwired", null), route("ANY /flaky", "flaky"),
                        route("GET /breaking", "breaking")),
                List.of(proxy("closed", "http://127.0.0.1:" + closedPort + "/x"),
                        proxy("slow", slow.url() + "/slow", "GET", 200),
                        proxy("rude", rude.url() + "/rude"),
                        proxy("ok", slow.url() + "/ok"),
                        proxy("flaky", flaky.url() + "/flaky"),
                        proxy("breaking", breaking.url() + "/breaking"))))));
    }

    @AfterAll
    void stop() {
        client.close();
        node.close();
        slow.close();
        rude.close();
        flaky.close();
        breaking.close();
        Blocking.await(vertx.close());
    }

    private void assertGatewayAnswer(Reply reply, int status, String message) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(new JsonObject(reply.body())).isEqualTo(new JsonObject().put("message", message));
        assertThat(reply.header("X-Request-Id")).matches("[0-9a-f]{32}");
    }

    private JsonObject logLineOf(Reply reply) throws InterruptedException {
        String id = reply.header("X-Request-Id");
        return new JsonObject(node.accessLog().await(line -> line.contains(id), Duration.ofSeconds(5)));
    }

    @Test
    void unknownApiStageOrRouteIs404WithItsOwnErrorKey() throws Exception {
        Reply noApi = client.get("nosuchapi1.localhost", "/prod/ok");
        Reply noStage = client.get(API, "/test/ok");
        Reply noRoute = client.get(API, "/prod/nothing");
        Reply notUnderDomain = client.get("example.com", "/prod/ok");

        for (Reply reply : List.of(noApi, noStage, noRoute, notUnderDomain)) {
            assertGatewayAnswer(reply, 404, "Not Found");
        }
        assertThat(logLineOf(noApi).getString("error")).isEqualTo("API_NOT_FOUND");
        assertThat(logLineOf(noStage).getString("error")).isEqualTo("STAGE_NOT_FOUND");
        assertThat(logLineOf(noRoute).getString("error")).isEqualTo("ROUTE_NOT_FOUND");
        assertThat(logLineOf(noRoute).getString("apiId")).isEqualTo("errors0001");
        assertThat(logLineOf(noRoute).getValue("integrationLatencyMs")).isNull();
    }

    @Test
    void aRouteWithoutIntegrationIs404() throws Exception {
        Reply reply = client.get(API, "/prod/unwired");

        assertGatewayAnswer(reply, 404, "Not Found");
        assertThat(logLineOf(reply).getString("error")).isEqualTo("NO_INTEGRATION");
    }

    @Test
    void aClientThatLeavesBeforeItsAnswerIsLoggedAs499() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", node.gatewayPort())) {
            socket.getOutputStream().write(("GET /prod/slow HTTP/1.1\r\nHost: " + API
                    + "\r\nX-Request-Id: gone-1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }

        JsonObject line = new JsonObject(node.accessLog().await(l -> l.contains("gone-1"), Duration.ofSeconds(5)));
        assertThat(line.getInteger("status")).isEqualTo(499);
        assertThat(line.getString("error")).isEqualTo("CLIENT_CLOSED_REQUEST");
    }

    @Test
    void anUnreachableBackendIs502() throws Exception {
        Reply reply = client.get(API, "/prod/closed");

        assertGatewayAnswer(reply, 502, "Bad Gateway");
        assertThat(logLineOf(reply).getString("error")).isEqualTo("INTEGRATION_UNREACHABLE");
    }

    @Test
    void aBackendThatHangsUpIs502() throws Exception {
        Reply reply = client.get(API, "/prod/rude");

        assertGatewayAnswer(reply, 502, "Bad Gateway");
        assertThat(logLineOf(reply).getString("error")).isEqualTo("INTEGRATION_FAILED");
    }

    @Test
    void aBodylessIdempotentRequestIsRetriedOnceWhenTheBackendHangsUp() {
        hangUpNext.set(true);
        Reply get = client.get(API, "/prod/flaky");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("second try");

        hangUpNext.set(true);
        Reply post = client.send(HttpMethod.POST, API, "/prod/flaky", MultiMap.caseInsensitiveMultiMap(), "not twice");
        assertGatewayAnswer(post, 502, "Bad Gateway");
        assertThat(flaky.received()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
    }

    @Test
    void aBackendThatBreaksOffMidResponseCutsTheClientsConnection() throws Exception {
        String response = RawHttp.exchange(node.gatewayPort(),
                "GET /prod/breaking HTTP/1.1\r\nHost: " + API + "\r\nX-Request-Id: broken-1\r\n\r\n", 2_000);

        assertThat(response).startsWith("HTTP/1.1 200").contains("partial").doesNotContain("\r\n0\r\n\r\n");
        String line = node.accessLog().await(l -> l.contains("broken-1"), Duration.ofSeconds(5));
        assertThat(new JsonObject(line).getString("error")).isEqualTo("INTEGRATION_RESPONSE_BROKEN");
    }

    @Test
    void aBackendSlowerThanTheTimeoutIs504() throws Exception {
        long started = System.nanoTime();
        Reply reply = client.get(API, "/prod/slow");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertGatewayAnswer(reply, 504, "Endpoint request timed out");
        assertThat(took).isLessThan(Duration.ofMillis(1_500));
        assertThat(logLineOf(reply).getString("error")).isEqualTo("INTEGRATION_TIMEOUT");
    }

    @Test
    void anOverLongHeaderBlockIs431() {
        Reply reply = client.send(HttpMethod.GET, API, "/prod/ok",
                MultiMap.caseInsensitiveMultiMap().add("X-Big", "b".repeat(20_000)), null);

        assertGatewayAnswer(reply, 431, "Request Header Fields Too Large");
    }

    @Test
    void anOverLongUriIs414() {
        assertGatewayAnswer(client.get(API, "/prod/ok?q=" + "q".repeat(9_000)), 414, "URI Too Long");
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413() throws Exception {
        String response = RawHttp.exchange(node.gatewayPort(), "POST /prod/ok HTTP/1.1\r\nHost: " + API
                + "\r\nContent-Length: 20000000\r\n\r\nsome of it", 3_000);

        assertThat(response).startsWith("HTTP/1.1 413 Request Entity Too Large")
                .containsIgnoringCase("x-request-id: ")
                .endsWith("{\"message\":\"Request Entity Too Large\"}");
    }

    @Test
    void contentLengthWithChunkedIsRefusedAndTheConnectionClosed() throws Exception {
        String smuggle = "POST /prod/ok HTTP/1.1\r\nHost: " + API + "\r\nContent-Length: 4\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /prod/ok HTTP/1.1\r\nHost: " + API + "\r\n\r\n";

        String response = RawHttp.exchange(node.gatewayPort(), smuggle, 2_000);

        assertThat(response).startsWith("HTTP/1.1 400 Bad Request").containsIgnoringCase("x-request-id: ")
                .contains("{\"message\":\"Bad Request\"}");
        assertThat(response.split("HTTP/1.1", -1)).as("the smuggled request must not be answered").hasSize(2);
        assertThat(RawHttp.closedAfter(node.gatewayPort(), smuggle, 2_000)).isTrue();
        assertThat(node.accessLog().await(l -> l.contains("AMBIGUOUS_FRAMING"), Duration.ofSeconds(5))).isNotNull();
        Thread.sleep(200);
        assertThat(slow.received()).as("nothing smuggled reached the backend").noneMatch(r -> r.uri().equals("/ok"));
    }

    @Test
    void otherAmbiguousFramingIsRefused() throws Exception {
        String chunkedTwice = "POST /prod/ok HTTP/1.1\r\nHost: " + API
                + "\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n";
        String twoLengths = "POST /prod/ok HTTP/1.1\r\nHost: " + API
                + "\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab";

        String http10 = "POST /prod/ok HTTP/1.0\r\nHost: " + API
                + "\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";

        assertThat(RawHttp.exchange(node.gatewayPort(), chunkedTwice + "GET /prod/ok HTTP/1.1\r\nHost: " + API
                + "\r\n\r\n", 2_000)).startsWith("HTTP/1.1 400").doesNotContain("late");
        assertThat(RawHttp.exchange(node.gatewayPort(), twoLengths, 2_000)).startsWith("HTTP/1.1 400");
        assertThat(RawHttp.exchange(node.gatewayPort(), http10, 2_000)).startsWith("HTTP/1.0 400");
        assertThat(slow.received()).as("nothing smuggled reached the backend").noneMatch(r -> r.uri().equals("/ok"));
    }

    @Test
    void pathsThatCannotBeRoutedSafelyAre400() throws Exception {
        String badEscape = RawHttp.exchange(node.gatewayPort(),
                "GET /prod/%zz HTTP/1.1\r\nHost: " + API + "\r\nX-Request-Id: bad-path-1\r\n\r\n", 300);
        String dotDot = RawHttp.exchange(node.gatewayPort(),
                "GET /prod/%2e%2e/ok HTTP/1.1\r\nHost: " + API + "\r\n\r\n", 300);

        assertThat(badEscape).startsWith("HTTP/1.1 400").endsWith("{\"message\":\"Bad Request\"}");
        assertThat(dotDot).startsWith("HTTP/1.1 400");
        String line = node.accessLog().await(l -> l.contains("bad-path-1"), Duration.ofSeconds(5));
        assertThat(new JsonObject(line).getString("error")).isEqualTo("MALFORMED_PATH");
    }

    @Test
    void rejectionsAreCountedByKey() {
        client.get(API, "/prod/nothing");

        String metrics = client.getStatus(node.statusPort(), "/metrics");
        assertThat(metrics).containsPattern("portico_gateway_errors_total\\{key=\"ROUTE_NOT_FOUND\"} [1-9]");
        assertThat(metrics).containsPattern(
                "portico_requests_total\\{api=\"errors0001\",route=\"none\",stage=\"prod\",status=\"4xx\"} [1-9]");
    }
}
