package dev.portico.node;

import dev.portico.node.testing.Blocking;
import dev.portico.node.testing.GatewayClient;
import dev.portico.node.testing.RunningNode;
import dev.portico.snapshot.GoldenSnapshots;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** /health, /ready and /metrics on the status port. */
class StatusServerIT {

    private final Vertx vertx = Vertx.vertx();
    private final GatewayClient http = new GatewayClient(vertx, 0);

    @AfterEach
    void close() {
        http.close();
        Blocking.await(vertx.close());
    }

    private record Answer(int status, String contentType, String body) {
    }

    private Answer get(int port, String path) {
        GatewayClient.Reply reply = http.status(port, path);
        return new Answer(reply.status(), reply.header("Content-Type"), reply.body());
    }

    @Test
    void healthIsUpAndReadinessFollowsTheFirstSnapshot(@TempDir Path dataDir) throws Exception {
        try (RunningNode node = RunningNode.start(dataDir)) {
            assertThat(get(node.statusPort(), "/health")).isEqualTo(new Answer(200, "application/json", "{\"status\":\"UP\"}"));
            assertThat(get(node.statusPort(), "/ready")).isEqualTo(new Answer(503, "application/json", "{\"ready\":false}"));

            node.apply(GoldenSnapshots.read("pets"));

            assertThat(get(node.statusPort(), "/ready")).isEqualTo(new Answer(200, "application/json",
                    "{\"ready\":true,\"revision\":7}"));
            assertThat(get(node.statusPort(), "/nope").status()).isEqualTo(404);
        }
    }

    @Test
    void aRestartedNodeIsReadyFromTheSnapshotOnDisk(@TempDir Path dataDir) throws Exception {
        try (RunningNode first = RunningNode.start(dataDir)) {
            first.apply(GoldenSnapshots.read("shop"));
        }
        assertThat(Files.exists(dataDir.resolve("snapshot.json"))).isTrue();

        try (RunningNode restarted = RunningNode.start(dataDir);
             GatewayClient client = new GatewayClient(vertx, restarted.gatewayPort())) {
            assertThat(get(restarted.statusPort(), "/ready").body()).isEqualTo("{\"ready\":true,\"revision\":12}");
            assertThat(client.get("k3x9q2m7ab.localhost", "/prod/ping").body()).isEqualTo("{\"pong\":true}");
        }
    }

    @Test
    void aCorruptSnapshotOnDiskLeavesTheNodeUpButNotReady(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve("snapshot.json"), "garbage");

        try (RunningNode node = RunningNode.start(dataDir)) {
            assertThat(get(node.statusPort(), "/health").status()).isEqualTo(200);
            assertThat(get(node.statusPort(), "/ready").status()).isEqualTo(503);
        }
    }

    @Test
    void metricsAreInPrometheusText(@TempDir Path dataDir) throws Exception {
        try (RunningNode node = RunningNode.start(dataDir);
             GatewayClient client = new GatewayClient(vertx, node.gatewayPort())) {
            node.apply(GoldenSnapshots.read("pets"));
            client.get("k3x9q2m7ab.localhost", "/prod/ping");

            Answer metrics = get(node.statusPort(), "/metrics");

            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.contentType()).startsWith("text/plain");
            assertThat(metrics.body())
                    .contains("portico_requests_total{api=\"k3x9q2m7ab\",route=\"GET /ping\",stage=\"prod\",status=\"2xx\"} 1.0")
                    .contains("portico_request_duration_seconds_bucket{api=\"k3x9q2m7ab\",route=\"GET /ping\",stage=\"prod\",le=\"0.005\"}")
                    .contains("portico_integration_duration_seconds_count{api=\"k3x9q2m7ab\",route=\"GET /ping\",stage=\"prod\"} 1")
                    .contains("portico_snapshot_revision 7.0")
                    .contains("portico_snapshot_apply_seconds_count 1")
                    .contains("portico_snapshot_rejected_total 0.0")
                    .contains("portico_gateway_errors_total{key=\"INTEGRATION_TIMEOUT\"} 0.0");
        }
    }
}
