package dev.portico.node;

import dev.portico.node.testing.Blocking;
import dev.portico.node.testing.GatewayClient;
import dev.portico.node.testing.GatewayClient.Reply;
import dev.portico.node.testing.RunningNode;
import dev.portico.node.testing.TestBackend;
import dev.portico.snapshot.Cors;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.PlanStage;
import dev.portico.snapshot.Route;
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

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.key;
import static dev.portico.node.testing.Snapshots.keyedRoute;
import static dev.portico.node.testing.Snapshots.plan;
import static dev.portico.node.testing.Snapshots.proxy;
import static dev.portico.node.testing.Snapshots.route;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static dev.portico.node.testing.Snapshots.throttle;
import static org.assertj.core.api.Assertions.assertThat;

/** CORS per API on a real node, in front of a backend that sends CORS headers of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsIT {

    private static final String ORDERS = "orders0001.localhost";
    private static final String OPEN = "open000001.localhost";
    private static final String PLAIN = "plain00001.localhost";
    private static final String APP = "https://app.example.com";

    private final Vertx vertx = Vertx.vertx();
    private TestBackend backend;
    private RunningNode node;
    private GatewayClient client;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        backend = TestBackend.start(vertx, request -> request.response()
                .putHeader("Access-Control-Allow-Origin", "https://backend.example")
                .putHeader("Access-Control-Allow-Methods", "PATCH")
                .putHeader("Vary", "Accept-Encoding")
                .end("from backend"));
        node = RunningNode.start(dataDir);
        Cors orders = new Cors(List.of(APP, "https://*.example.org"), List.of("GET", "POST"),
                List.of("Authorization", "Content-Type"), List.of("X-Request-Id"), 600, true);
        Cors open = new Cors(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false);
        List<Route> routes = List.of(route("GET /orders", "be"), keyedRoute("GET /keyed", "be"), route("ANY /any", "be"));
        List<Integration> integrations = List.of(proxy("be", backend.url() + "/echo"));
        node.apply(snapshot(1,
                List.of(api("orders0001", orders, stage("prod", routes, integrations)),
                        api("open000001", open, stage("prod", routes, integrations)),
                        api("plain00001", stage("prod", routes, integrations))),
                List.of(key("k1", "value-1", true, "slow")),
                List.of(plan("slow", throttle(0.001, 1), null, new PlanStage("orders0001", "prod", Map.of())))));
        client = new GatewayClient(vertx, node.gatewayPort());
    }

    @AfterAll
    void stop() {
        client.close();
        node.close();
        backend.close();
        Blocking.await(vertx.close());
    }

    private Reply preflight(String host, String path, String origin, String method, String headers) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap().add("Origin", origin).add("Access-Control-Request-Method", method);
        if (headers != null) {
            h.add("Access-Control-Request-Headers", headers);
        }
        return client.send(HttpMethod.OPTIONS, host, path, h, null);
    }

    private Reply get(String host, String path, String origin) {
        return client.get(host, path, MultiMap.caseInsensitiveMultiMap().add("Origin", origin));
    }

    private static List<String> accessControl(Reply reply) {
        return reply.headers().names().stream().filter(n -> n.toLowerCase().startsWith("access-control-")).toList();
    }

    @Test
    void aPreflightIsAnsweredByTheGatewayEvenWhereNoRouteIs() {
        int before = backend.received().size();

        Reply reply = preflight(ORDERS, "/prod/no/route/here", APP, "POST", "Content-Type");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(reply.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST");
        assertThat(reply.header("Access-Control-Allow-Headers")).isEqualTo("Authorization, Content-Type");
        assertThat(reply.header("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(reply.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(reply.header("Access-Control-Expose-Headers")).isNull();
        assertThat(reply.headers().getAll("Vary")).contains("Origin");
        assertThat(reply.header("X-Request-Id")).isNotBlank();
        assertThat(backend.received()).hasSize(before);
    }

    @Test
    void aPreflightNeverMeetsTheKeyCheckNorTheBackend() {
        int before = backend.received().size();

        Reply reply = preflight(ORDERS, "/prod/keyed", "https://deep.sub.example.org", "GET", null);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("https://deep.sub.example.org");
        assertThat(backend.received()).hasSize(before);
    }

    @Test
    void aDisallowedOriginOrMethodGetsA204WithoutCorsHeaders() {
        for (Reply reply : List.of(preflight(ORDERS, "/prod/orders", "https://evil.example.com", "GET", null),
                preflight(ORDERS, "/prod/orders", "https://example.org", "GET", null),
                preflight(ORDERS, "/prod/orders", "http://app.example.com", "GET", null),
                preflight(ORDERS, "/prod/orders", APP, "DELETE", null))) {
            assertThat(reply.status()).isEqualTo(204);
            assertThat(accessControl(reply)).isEmpty();
        }
    }

    @Test
    void optionsWithoutARequestMethodIsNoPreflightAndIsRouted() {
        Reply reply = client.send(HttpMethod.OPTIONS, ORDERS, "/prod/any",
                MultiMap.caseInsensitiveMultiMap().add("Origin", APP), null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(backend.last().method()).isEqualTo("OPTIONS");
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    }

    @Test
    void actualResponsesCarryTheConfiguredHeadersInsteadOfTheBackends() {
        Reply reply = get(ORDERS, "/prod/orders", APP);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("from backend");
        assertThat(reply.headers().getAll("Access-Control-Allow-Origin")).containsExactly(APP);
        assertThat(reply.header("Access-Control-Expose-Headers")).isEqualTo("X-Request-Id");
        assertThat(reply.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(reply.header("Access-Control-Allow-Methods")).as("the backend's, removed").isNull();
        assertThat(reply.headers().getAll("Vary")).contains("Accept-Encoding", "Origin");
    }

    @Test
    void aDisallowedOriginGetsNoCorsHeadersNotEvenTheBackends() {
        Reply reply = get(ORDERS, "/prod/orders", "https://backend.example");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(accessControl(reply)).isEmpty();
    }

    @Test
    void theGatewaysOwnAnswersCarryThemToo() {
        Reply notFound = get(ORDERS, "/prod/nothing", APP);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(notFound.header("Access-Control-Expose-Headers")).isEqualTo("X-Request-Id");

        Reply forbidden = get(ORDERS, "/prod/keyed", APP);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    }

    @Test
    void aThrottledAnswerCarriesBothCorsAndRateLimitHeaders() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Origin", APP).add("x-api-key", "value-1");
        Reply first = client.get(ORDERS, "/prod/keyed", headers);
        Reply second = client.get(ORDERS, "/prod/keyed", headers);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(429);
        for (Reply reply : List.of(first, second)) {
            assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(APP);
            assertThat(reply.header("RateLimit-Limit")).isEqualTo("1");
        }
    }

    @Test
    void aStarOriginIsAnsweredWithAStarAndAStarOfHeadersEchoesTheRequestedOnes() {
        Reply preflight = preflight(OPEN, "/prod/whatever", "https://anyone.test", "PUT", "X-One, X-Two");
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("PUT");
        assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("X-One, X-Two");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(preflight.header("Access-Control-Max-Age")).isNull();

        Reply actual = get(OPEN, "/prod/orders", "https://anyone.test");
        assertThat(actual.headers().getAll("Access-Control-Allow-Origin")).containsExactly("*");
    }

    @Test
    void anApiWithoutCorsPassesTheBackendsHeadersAndRoutesOptions() {
        Reply actual = get(PLAIN, "/prod/orders", APP);
        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("https://backend.example");
        assertThat(actual.header("Access-Control-Allow-Methods")).isEqualTo("PATCH");
        assertThat(actual.headers().getAll("Vary")).containsExactly("Accept-Encoding");

        Reply preflight = preflight(PLAIN, "/prod/no/route", APP, "GET", null);
        assertThat(preflight.status()).isEqualTo(404);
        assertThat(accessControl(preflight)).isEmpty();
    }
}
