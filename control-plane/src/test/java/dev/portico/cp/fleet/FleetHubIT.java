package dev.portico.cp.fleet;

import dev.portico.cp.auth.Tokens;
import dev.portico.cp.platform.DataDirectory;
import dev.portico.cp.revision.Revisions;
import dev.portico.snapshot.fleet.Applied;
import dev.portico.snapshot.fleet.FleetMessage;
import dev.portico.snapshot.fleet.Heartbeat;
import dev.portico.snapshot.fleet.Hello;
import dev.portico.snapshot.fleet.Rejected;
import dev.portico.snapshot.fleet.SnapshotPush;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class FleetHubIT {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TestHTTPResource("/")
    URL base;

    @Inject
    Vertx vertx;

    @Inject
    Revisions revisions;

    @Inject
    DataDirectory dataDirectory;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private String clusterToken;
    private String adminToken;

    @BeforeEach
    void readSecrets() throws Exception {
        clusterToken = Files.readString(dataDirectory.clusterToken().path()).trim();
        adminToken = Tokens.admin();
    }

    @Test
    void aNodeWithoutTheClusterTokenGets401BeforeAnyUpgrade() {
        for (Map<String, String> headers : List.of(
                Map.of(FleetMessage.NODE_ID_HEADER, "intruder"),
                Map.of(FleetMessage.NODE_ID_HEADER, "intruder", "Authorization", "Bearer wrong-token"))) {
            assertThatThrownBy(() -> FleetTestNode.connect(vertx, base, headers))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(UpgradeRejectedException.class)
                    .extracting(e -> ((UpgradeRejectedException) e).getStatus()).isEqualTo(401);
        }
        given().header("Authorization", "Bearer wrong").get(FleetMessage.PATH).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aNodeWithoutAnIdIsRefused() {
        assertThatThrownBy(() -> FleetTestNode.connect(vertx, base, Map.of("Authorization", "Bearer " + clusterToken)))
                .cause().isInstanceOf(UpgradeRejectedException.class)
                .extracting(e -> ((UpgradeRejectedException) e).getStatus()).isEqualTo(400);
    }

    @Test
    void aNodeGetsTheSnapshotAfterHelloAndEveryNewRevisionAtOnce() throws Exception {
        String nodeId = "node-" + UUID.randomUUID();
        try (FleetTestNode node = connect(nodeId)) {
            node.send(new Hello(nodeId, "http://127.0.0.1:8000", "test-1", 0));
            SnapshotPush first = node.next(SnapshotPush.class, WAIT);
            assertThat(first.snapshot().revision()).isGreaterThanOrEqualTo(revisions.current() - 1);
            node.send(new Applied(first.snapshot().revision()));
            awaitNode(nodeId, "IN_SYNC").body("appliedRevision", equalTo((int) first.snapshot().revision()))
                    .body("address", equalTo("http://127.0.0.1:8000"))
                    .body("version", equalTo("test-1"));
            given().auth().oauth2(adminToken).get("/admin/v1/nodes?limit=100").then().statusCode(200)
                    .body("items.id", hasItem(nodeId));

            long bumped = QuarkusTransaction.requiringNew().call(revisions::bump);
            long start = System.nanoTime();
            SnapshotPush pushed = node.next(SnapshotPush.class, WAIT);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(pushed.snapshot().revision()).isGreaterThanOrEqualTo(bumped);
            assertThat(millis).as("push latency after commit").isLessThan(1000);
            awaitNode(nodeId, "BEHIND");

            node.send(new Heartbeat(pushed.snapshot().revision(), 7));
            awaitNode(nodeId, "IN_SYNC");
        }
        awaitNode(nodeId, "OFFLINE");
    }

    @Test
    void aChangeCommittedThroughAnotherReplicaReachesTheNodesHere() throws Exception {
        String nodeId = "node-" + UUID.randomUUID();
        try (FleetTestNode node = connect(nodeId)) {
            node.send(new Hello(nodeId, "http://127.0.0.1:8004", "test-1", 0));
            node.next(SnapshotPush.class, WAIT);
            long bumped = OtherReplica.bump(jdbcUrl);
            SnapshotPush pushed = node.next(SnapshotPush.class, Duration.ofSeconds(1));
            assertThat(pushed.snapshot().revision()).isGreaterThanOrEqualTo(bumped);
        }
    }

    @Test
    void aRejectionIsRecordedAndTheNodeStaysBehind() throws Exception {
        String nodeId = "node-" + UUID.randomUUID();
        try (FleetTestNode node = connect(nodeId)) {
            node.send(new Hello(nodeId, "http://127.0.0.1:8001", "test-1", 0));
            node.next(SnapshotPush.class, WAIT);
            long bumped = QuarkusTransaction.requiringNew().call(revisions::bump);
            SnapshotPush pushed = node.next(SnapshotPush.class, WAIT);
            node.send(new Rejected(pushed.snapshot().revision(), List.of("schema 9.0 is unknown")));
            // BEHIND already since the bump: wait for the rejection itself
            awaitNode(nodeId, "BEHIND", "schema 9.0 is unknown").body("lastError", containsString("schema 9.0 is unknown"));
            assertThat(bumped).isPositive();
        }
    }

    @Test
    void aSecondConnectionOfTheSameNodeReplacesTheFirst() throws Exception {
        String nodeId = "node-" + UUID.randomUUID();
        try (FleetTestNode first = connect(nodeId); FleetTestNode second = connect(nodeId)) {
            assertThat(first.closedByServer(WAIT)).isTrue();
            second.send(new Hello(nodeId, "http://127.0.0.1:8002", "test-1", 0));
            SnapshotPush push = second.next(SnapshotPush.class, WAIT);
            second.send(new Applied(push.snapshot().revision()));
            awaitNode(nodeId, "IN_SYNC");
            Thread.sleep(200);   // the first connection's late close must not mark the node offline
            awaitNode(nodeId, "IN_SYNC");
        }
    }

    @Test
    void aHelloNamingAnotherNodeClosesTheConnection() throws Exception {
        try (FleetTestNode node = connect("honest-" + UUID.randomUUID())) {
            node.send(new Hello("someone-else", "http://127.0.0.1:8003", "test-1", 0));
            assertThat(node.closedByServer(WAIT)).isTrue();
        }
    }

    private FleetTestNode connect(String nodeId) throws Exception {
        return FleetTestNode.connect(vertx, base, Map.of(
                "Authorization", "Bearer " + clusterToken, FleetMessage.NODE_ID_HEADER, nodeId));
    }

    /** Polls {@code GET /admin/v1/nodes/{id}} until the node shows this status. */
    private ValidatableResponse awaitNode(String nodeId, String status) throws InterruptedException {
        return awaitNode(nodeId, status, "");
    }

    /** Polls {@code GET /admin/v1/nodes/{id}} until the node shows this status and an error containing this text. */
    private ValidatableResponse awaitNode(String nodeId, String status, String error) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            ValidatableResponse node = given().auth().oauth2(adminToken).get("/admin/v1/nodes/" + nodeId).then();
            String current = node.extract().statusCode() == 200 ? node.extract().path("status") : null;
            String lastError = current == null ? null : node.extract().path("lastError");
            boolean errorShown = error.isEmpty() || (lastError != null && lastError.contains(error));
            if ((status.equals(current) && errorShown) || System.nanoTime() > deadline) {
                return node.statusCode(200).body("status", equalTo(status));
            }
            Thread.sleep(20);
        }
    }
}
