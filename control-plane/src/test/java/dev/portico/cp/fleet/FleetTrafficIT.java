package dev.portico.cp.fleet;

import dev.portico.cp.platform.DataDirectory;
import dev.portico.snapshot.fleet.FleetMessage;
import dev.portico.snapshot.fleet.Heartbeat;
import dev.portico.snapshot.fleet.Hello;
import dev.portico.snapshot.fleet.SnapshotPush;
import dev.portico.snapshot.fleet.Traffic;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Heartbeats carry traffic counters; the control plane keeps what each node served per minute. */
@QuarkusTest
@TestSecurity(user = "vera", roles = "viewer")
class FleetTrafficIT {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TestHTTPResource("/")
    URL base;

    @Inject
    Vertx vertx;

    @Inject
    DataDirectory dataDirectory;

    @Test
    void theDifferenceOfTwoHeartbeatsIsWhatTheNodeServed() throws Exception {
        long before = requestsInTheLastMinutes();
        try (FleetTestNode node = greeted("traffic-" + UUID.randomUUID())) {
            node.send(new Heartbeat(1, 100, traffic(100, 10, 0, 90, 10)));   // a starting point only
            node.send(new Heartbeat(1, 112, traffic(112, 13, 1, 101, 11))); // 12 more: 3 4xx, 1 5xx
            awaitRequests(before + 12);
            node.send(new Heartbeat(1, 5, traffic(5, 0, 0, 5, 0)));          // restarted: 5 new ones
            awaitRequests(before + 17);
        }
    }

    @Test
    void latencyPercentilesComeFromTheBuckets() throws Exception {
        try (FleetTestNode node = greeted("latency-" + UUID.randomUUID())) {
            node.send(new Heartbeat(1, 0, traffic(0, 0, 0, 0, 0)));
            node.send(new Heartbeat(1, 1000, traffic(1000, 0, 0, 980, 20)));
            until(() -> minutes().getList("minutes.p99Millis").contains(250));
        }
        assertThat(minutes().getList("minutes.p50Millis")).contains(5);
    }

    @Test
    void badMinutesAreRefusedNamingTheParameter() {
        for (String bad : List.of("0", "1441", "soon")) {
            given().queryParam("minutes", bad).get("/admin/v1/traffic")
                    .then().statusCode(400).body("errors.field", hasItem("minutes"));
        }
        given().get("/admin/v1/traffic").then().statusCode(200)
                .body("minutes.size()", equalTo(60));
    }

    /** Counters with {@code fast} requests up to 5 ms and {@code slow} ones between 100 and 250 ms. */
    private static Traffic traffic(long requests, long clientErrors, long serverErrors, long fast, long slow) {
        Long[] buckets = new Long[Traffic.LATENCY_BOUNDS_MILLIS.size() + 1];
        Arrays.fill(buckets, 0L);
        buckets[0] = fast;
        buckets[Traffic.bucketOf(250)] = slow;
        return new Traffic(requests, clientErrors, serverErrors, List.of(buckets));
    }

    private void awaitRequests(long expected) {
        until(() -> requestsInTheLastMinutes() == expected);
    }

    /** Heartbeats are handled asynchronously: polls for up to {@link #WAIT}. */
    private static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + WAIT).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long requestsInTheLastMinutes() {
        return minutes().getList("minutes.requests", Long.class).stream().mapToLong(Long::longValue).sum();
    }

    private static JsonPath minutes() {
        return given().queryParam("minutes", 5).get("/admin/v1/traffic").then().statusCode(200).extract().jsonPath();
    }

    private FleetTestNode greeted(String nodeId) throws Exception {
        String token = Files.readString(dataDirectory.clusterToken().path()).trim();
        FleetTestNode node = FleetTestNode.connect(vertx, base, Map.of(
                "Authorization", "Bearer " + token, FleetMessage.NODE_ID_HEADER, nodeId));
        node.send(new Hello(nodeId, "http://127.0.0.1:8011", "test-1", 0));
        node.next(SnapshotPush.class, WAIT);
        return node;
    }
}
