package dev.portico.node;

import dev.portico.node.testing.Blocking;
import dev.portico.node.snapshot.ApplyOutcome;
import dev.portico.node.testing.GatewayClient;
import dev.portico.node.testing.RunningNode;
import dev.portico.node.testing.TestBackend;
import dev.portico.snapshot.Integration;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.proxy;
import static dev.portico.node.testing.Snapshots.route;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot swap is atomic: requests in flight finish on the snapshot they started with. */
class SnapshotSwapIT {

    private static final String HOST = "swap000001.localhost";

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        Blocking.await(vertx.close());
    }

    private static dev.portico.snapshot.Snapshot pointingAt(long revision, String backendUrl) {
        List<Integration> integrations = List.of(proxy("it", backendUrl + "/work"));
        return snapshot(revision, api("swap000001", stage("prod", List.of(route("GET /work", "it")), integrations)));
    }

    @Test
    void aSlowRequestFinishesOnTheOldSnapshotWhileNewRequestsSeeTheNewOne(@TempDir Path dataDir) throws Exception {
        CompletableFuture<Void> oldBackendGotRequest = new CompletableFuture<>();
        try (TestBackend oldBackend = TestBackend.start(vertx, request -> {
                 oldBackendGotRequest.complete(null);
                 vertx.setTimer(800, t -> request.response().end("old"));
             });
             TestBackend newBackend = TestBackend.start(vertx, request -> request.response().end("new"));
             RunningNode node = RunningNode.start(dataDir);
             GatewayClient client = new GatewayClient(vertx, node.gatewayPort())) {
            node.apply(pointingAt(1, oldBackend.url()));

            CompletableFuture<GatewayClient.Reply> inFlight = CompletableFuture.supplyAsync(() -> client.get(HOST, "/prod/work"));
            oldBackendGotRequest.get();
            assertThat(node.node().apply(pointingAt(2, newBackend.url()))).isInstanceOf(ApplyOutcome.Applied.class);

            assertThat(client.get(HOST, "/prod/work").body()).isEqualTo("new");
            assertThat(inFlight.isDone()).as("the old request is still in flight").isFalse();
            assertThat(inFlight.get().body()).isEqualTo("old");
            assertThat(inFlight.get().status()).isEqualTo(200);
        }
    }

    @Test
    void aRejectedSnapshotLeavesTrafficOnTheOldOne(@TempDir Path dataDir) throws Exception {
        try (TestBackend backend = TestBackend.start(vertx, request -> request.response().end("still here"));
             RunningNode node = RunningNode.start(dataDir);
             GatewayClient client = new GatewayClient(vertx, node.gatewayPort())) {
            node.apply(pointingAt(1, backend.url()));

            ApplyOutcome outcome = node.node().apply(pointingAt(2, "gopher://nowhere"));

            assertThat(outcome).isInstanceOf(ApplyOutcome.Rejected.class);
            assertThat(client.send(HttpMethod.GET, HOST, "/prod/work", MultiMap.caseInsensitiveMultiMap(), null).body())
                    .isEqualTo("still here");
            assertThat(node.node().snapshot().current().revision()).isEqualTo(1);
        }
    }
}
