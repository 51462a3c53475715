package dev.portico.node;

import dev.portico.node.testing.Blocking;
import dev.portico.node.testing.GatewayClient;
import dev.portico.node.testing.RunningNode;
import dev.portico.node.testing.TestBackend;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.proxy;
import static dev.portico.node.testing.Snapshots.route;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stopping the node (what SIGTERM does) drains requests in flight before it exits. */
class ShutdownIT {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        Blocking.await(vertx.close());
    }

    @Test
    void requestsInFlightFinishAndNewConnectionsAreRefused(@TempDir Path dataDir) throws Exception {
        CompletableFuture<Void> backendGotRequest = new CompletableFuture<>();
        try (TestBackend backend = TestBackend.start(vertx, request -> {
            backendGotRequest.complete(null);
            vertx.setTimer(700, t -> request.response().end("finished"));
        })) {
            RunningNode node = RunningNode.start(dataDir);
            node.apply(snapshot(1, api("drain00001", stage("prod", List.of(route("GET /slow", "slow")),
                    List.of(proxy("slow", backend.url() + "/slow"))))));
            GatewayClient gateway = new GatewayClient(vertx, node.gatewayPort());
            CompletableFuture<GatewayClient.Reply> inFlight =
                    CompletableFuture.supplyAsync(() -> gateway.get("drain00001.localhost", "/prod/slow"));
            backendGotRequest.get();

            node.close();

            assertThat(inFlight.get().status()).isEqualTo(200);
            assertThat(inFlight.get().body()).isEqualTo("finished");
            assertThat(node.accessLog().lines()).singleElement().asString().contains("\"status\":200");
            assertThatThrownBy(() -> new Socket("127.0.0.1", node.gatewayPort()).close())
                    .isInstanceOf(ConnectException.class);
            gateway.close();
        }
    }
}
