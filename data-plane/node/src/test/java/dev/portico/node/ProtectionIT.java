package dev.portico.node;

import dev.portico.node.testing.Blocking;
import dev.portico.node.testing.GatewayClient;
import dev.portico.node.testing.GatewayClient.Reply;
import dev.portico.node.testing.RunningNode;
import dev.portico.snapshot.Api;
import dev.portico.snapshot.ApiKey;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.PlanStage;
import dev.portico.snapshot.Quota;
import dev.portico.snapshot.QuotaPeriod;
import dev.portico.snapshot.Route;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.UsagePlan;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
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
import java.util.concurrent.CompletableFuture;

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.key;
import static dev.portico.node.testing.Snapshots.keyedRoute;
import static dev.portico.node.testing.Snapshots.mock;
import static dev.portico.node.testing.Snapshots.plan;
import static dev.portico.node.testing.Snapshots.route;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static dev.portico.node.testing.Snapshots.throttle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys, throttles and quotas on a real node over real sockets (the acceptance steps 2
 * and 3 on one node, and a quota that one node never overruns). Each test uses keys and routes of
 * its own, so their buckets and quotas do not meet whatever order the tests run in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtectionIT {

    private static final String API_ID = "prot000001";
    private static final String HOST = API_ID + ".localhost";
    private static final String PETS = "/prod/pets/7";

    private final Vertx vertx = Vertx.vertx();
    private RunningNode node;
    private GatewayClient client;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        node = RunningNode.start(dataDir);
        client = new GatewayClient(vertx, node.gatewayPort());
        node.apply(gateway(1, true));
    }

    @AfterAll
    void stop() {
        client.close();
        node.close();
        Blocking.await(vertx.close());
    }

    /** @param keyXEnabled whether key X ("value-x") is enabled */
    private static Snapshot gateway(long revision, boolean keyXEnabled) {
        List<Integration> integrations = List.of(mock("pet", 200, "{\"pet\":7}"));
        List<Route> routes = List.of(keyedRoute("GET /pets/{id}", "pet"), route("GET /open", "pet"),
                route("GET /ping", "pet"), keyedRoute("GET /slow/{id}", "pet"));
        Api api = api(API_ID,
                stage("prod", null, Map.of("GET /ping", throttle(0.01, 3), "GET /slow/{id}", throttle(0.01, 2)),
                        routes, integrations),
                stage("dev", List.of(keyedRoute("GET /pets/{id}", "pet")), integrations));
        List<ApiKey> keys = List.of(
                key("ka", "value-a", true, "free"),
                key("kx", "value-x", keyXEnabled, "free"),
                key("kb", "value-b", true, "pro"),
                key("kc", "value-c", false, "pro"),
                key("kd", "value-d", true, "devplan"),
                key("kq", "value-q", true, "quota20"),
                key("kt", "value-t", true, "throttled"),
                key("kr", "value-r", true, "free"));
        List<UsagePlan> plans = List.of(
                plan("free", throttle(5, 5), new Quota(100, QuotaPeriod.DAY, 0), prod(Map.of())),
                plan("pro", throttle(1000, 2000), new Quota(1_000_000, QuotaPeriod.MONTH, 0),
                        prod(Map.of("GET /pets/{id}", throttle(500, 500)))),
                plan("devplan", null, null, new PlanStage(API_ID, "dev", Map.of())),
                plan("quota20", throttle(10_000, 10_000), new Quota(20, QuotaPeriod.DAY, 0), prod(Map.of())),
                plan("throttled", throttle(0.01, 5), null, prod(Map.of())));
        return snapshot(revision, List.of(api), keys, plans);
    }

    private static PlanStage prod(Map<String, dev.portico.snapshot.Throttle> routeThrottles) {
        return new PlanStage(API_ID, "prod", routeThrottles);
    }

    private static MultiMap withKey(String value) {
        return MultiMap.caseInsensitiveMultiMap().add("x-api-key", value);
    }

    private static MultiMap noHeaders() {
        return MultiMap.caseInsensitiveMultiMap();
    }

    private String metrics() {
        return client.getStatus(node.statusPort(), "/metrics");
    }

    private static void assertForbidden(Reply reply) {
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(reply.header("X-Request-Id")).isNotBlank();
        assertThat(reply.header("RateLimit-Limit")).isNull();
    }

    @Test
    void aKeyedRouteNeedsAnEnabledKeyInAPlanForItsStage() throws Exception {
        assertForbidden(client.get(HOST, PETS, noHeaders()));
        assertForbidden(client.get(HOST, PETS, withKey("")));
        assertForbidden(client.get(HOST, PETS, withKey("value-nobody-has")));
        assertForbidden(client.get(HOST, PETS, withKey("value-c")));
        assertForbidden(client.get(HOST, PETS, withKey("value-d")));

        Reply ok = client.get(HOST, PETS, withKey("value-r"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"pet\":7}");
        assertThat(ok.header("RateLimit-Limit")).isEqualTo("100");
        assertThat(ok.header("RateLimit-Remaining")).isEqualTo("99");
        assertThat(Long.parseLong(ok.header("RateLimit-Reset"))).isBetween(1L, 86_400L);
        Reply dev = client.get(HOST, "/dev/pets/7", withKey("value-d"));
        assertThat(dev.status()).as("key D's plan covers dev").isEqualTo(200);
        assertThat(dev.header("RateLimit-Limit")).as("a plan without quota or throttle: no headers").isNull();
        assertThat(client.get(HOST, "/prod/open", noHeaders()).status()).as("routes without the flag need no key").isEqualTo(200);

        node.accessLog().await(line -> line.contains("\"apiKeyId\":\"kr\"") && line.contains("\"status\":200"),
                Duration.ofSeconds(5));
        String disabled = node.accessLog().await(line -> line.contains("API_KEY_DISABLED"), Duration.ofSeconds(5));
        assertThat(new JsonObject(disabled).getString("apiKeyId")).isEqualTo("kc");
        String missing = node.accessLog().await(line -> line.contains("API_KEY_MISSING"), Duration.ofSeconds(5));
        assertThat(new JsonObject(missing).getValue("apiKeyId")).isNull();
        String metrics = metrics();
        for (String reason : List.of("missing", "unknown", "disabled", "no_plan")) {
            assertThat(metrics).containsPattern("portico_requests_rejected_total\\{api=\"prot000001\",reason=\"" + reason
                    + "\",route=\"GET /pets/\\{id}\",stage=\"prod\"} [1-9]");
        }
        assertThat(metrics).containsPattern("portico_gateway_errors_total\\{key=\"API_KEY_UNKNOWN\"} [1-9]");
    }

    @Test
    void aDisabledKeyIsRefusedAsSoonAsTheSnapshotSaysSo() {
        assertThat(client.get(HOST, PETS, withKey("value-x")).status()).isEqualTo(200);

        node.apply(gateway(2, false));
        try {
            assertForbidden(client.get(HOST, PETS, withKey("value-x")));
        } finally {
            node.apply(gateway(3, true));
        }
        assertThat(client.get(HOST, PETS, withKey("value-x")).status()).isEqualTo(200);
    }

    @Test
    void aBurstOfOneKeyIsThrottledWhileAnotherKeyIsNot() throws Exception {
        CompletableFuture<List<Reply>> keyB = CompletableFuture.supplyAsync(() -> client.getAtOnce(20, HOST, PETS, withKey("value-b")));
        long started = System.nanoTime();
        List<Reply> burst = client.getAtOnce(50, HOST, PETS, withKey("value-a"));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        long passed = burst.stream().filter(reply -> reply.status() == 200).count();
        List<Reply> throttled = burst.stream().filter(reply -> reply.status() == 429).toList();
        assertThat(passed).as("burst 5, plus one per 200 ms the burst took (%d ms)", tookMillis)
                .isBetween(5L, 5 + tookMillis / 200 + 1);
        assertThat(passed + throttled.size()).isEqualTo(50);
        assertThat(throttled).allSatisfy(reply -> {
            assertThat(reply.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
            assertThat(Integer.parseInt(reply.header("Retry-After"))).isPositive();
            assertThat(reply.header("RateLimit-Limit")).as("keyed 429s carry the quota's headers too").isEqualTo("100");
        });
        assertThat(keyB.get()).extracting(Reply::status).containsOnly(200);

        Thread.sleep(250);
        assertThat(client.get(HOST, PETS, withKey("value-a")).status()).as("a token is back").isEqualTo(200);
        assertThat(metrics()).containsPattern("portico_requests_throttled_total\\{api=\"prot000001\",reason=\"plan\","
                + "route=\"GET /pets/\\{id}\",stage=\"prod\"} [1-9]");
    }

    @Test
    void oneNodeNeverAdmitsMoreThanTheQuota() {
        List<Reply> replies = client.getAtOnce(40, HOST, PETS, withKey("value-q"));

        assertThat(replies.stream().filter(reply -> reply.status() == 200).count()).isEqualTo(20);
        List<Reply> refused = replies.stream().filter(reply -> reply.status() == 429).toList();
        assertThat(refused).hasSize(20).allSatisfy(reply -> {
            assertThat(reply.body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
            assertThat(reply.header("RateLimit-Limit")).isEqualTo("20");
            assertThat(reply.header("RateLimit-Remaining")).isEqualTo("0");
        });
        assertThat(metrics()).containsPattern("portico_requests_throttled_total\\{api=\"prot000001\",reason=\"quota\","
                + "route=\"GET /pets/\\{id}\",stage=\"prod\"} 20.0");
    }

    @Test
    void aRouteBucketIsSharedByEveryClient() {
        List<Reply> replies = client.getAtOnce(10, HOST, "/prod/ping", noHeaders());

        assertThat(replies.stream().filter(reply -> reply.status() == 200).count()).isEqualTo(3);
        assertThat(replies).filteredOn(reply -> reply.status() == 429)
                .allSatisfy(reply -> assertThat(reply.header("Retry-After")).isNotNull());
        assertThat(metrics()).containsPattern("portico_requests_throttled_total\\{api=\"prot000001\",reason=\"route\","
                + "route=\"GET /ping\",stage=\"prod\"} 7.0");
    }

    @Test
    void tokensTakenForARequestALaterBucketRefusesAreGivenBack() {
        // Key T's plan: burst 5; the route: burst 2; neither refills during the test.
        for (int i = 0; i < 2; i++) {
            assertThat(client.get(HOST, "/prod/slow/1", withKey("value-t")).status()).isEqualTo(200);
        }
        Reply last = null;
        for (int i = 0; i < 4; i++) {
            last = client.get(HOST, "/prod/slow/1", withKey("value-t"));
            assertThat(last.status()).isEqualTo(429);
        }

        assertThat(last.header("RateLimit-Limit")).as("a plan with a throttle only: the key's bucket").isEqualTo("5");
        assertThat(last.header("RateLimit-Remaining")).as("the route refused, so the plan's tokens came back").isEqualTo("3");
        assertThat(metrics()).containsPattern("portico_requests_throttled_total\\{api=\"prot000001\",reason=\"route\","
                + "route=\"GET /slow/\\{id}\",stage=\"prod\"} 4.0");
    }

    @Test
    void theNodeWideBucketHoldsForEveryRoute(@TempDir Path dataDir) throws Exception {
        NodeConfig config = NodeConfig.forTests(dataDir).withNodeThrottle(throttle(0.01, 4));
        try (RunningNode limited = RunningNode.start(config);
             GatewayClient limitedClient = new GatewayClient(vertx, limited.gatewayPort())) {
            limited.apply(gateway(1, true));

            List<Reply> replies = limitedClient.getAtOnce(10, HOST, "/prod/open", noHeaders());

            assertThat(replies.stream().filter(reply -> reply.status() == 200).count()).isEqualTo(4);
            assertThat(limitedClient.get(HOST, PETS, withKey("value-b")).status()).as("keyed requests too").isEqualTo(429);
            assertThat(limitedClient.getStatus(limited.statusPort(), "/metrics")).containsPattern(
                    "portico_requests_throttled_total\\{api=\"prot000001\",reason=\"node\",route=\"GET /open\",stage=\"prod\"} 6.0");
        }
    }
}
