package dev.portico.node;

import dev.portico.node.testing.Blocking;
import dev.portico.node.testing.ControlPlanePeer;
import dev.portico.node.testing.GatewayClient;
import dev.portico.node.testing.RunningNode;
import dev.portico.snapshot.GoldenSnapshots;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.fleet.Applied;
import dev.portico.snapshot.fleet.Heartbeat;
import dev.portico.snapshot.fleet.Hello;
import dev.portico.snapshot.fleet.Rejected;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.route;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;

/** The node's fleet client against a real WebSocket peer that speaks the control plane's side of the protocol. */
class FleetClientIT {

    private static final String TOKEN = "cluster-secret";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        Blocking.await(vertx.close());
    }

    private static NodeConfig connectedTo(Path dataDir, String url, String token) {
        return NodeConfig.forTests(dataDir).withControlPlane(URI.create(url), token);
    }

    @Test
    void saysHelloAppliesPushesAnswersAndBeats(@TempDir Path dataDir) throws Exception {
        try (ControlPlanePeer peer = ControlPlanePeer.start(vertx, TOKEN);
             RunningNode node = RunningNode.start(connectedTo(dataDir, peer.url(), TOKEN));
             GatewayClient client = new GatewayClient(vertx, node.gatewayPort())) {
            MultiMap handshake = peer.nextHandshake(WAIT);
            assertThat(handshake.get("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(handshake.get("X-Portico-Node-Id")).isEqualTo("test-node");
            Hello hello = peer.next(Hello.class, WAIT);
            assertThat(hello).isEqualTo(new Hello("test-node", "http://127.0.0.1:" + node.gatewayPort(),
                    hello.version(), 0));
            assertThat(hello.version()).isNotBlank();

            peer.push(GoldenSnapshots.read("pets"));
            assertThat(peer.next(Applied.class, WAIT)).isEqualTo(new Applied(7));
            assertThat(client.get("k3x9q2m7ab.localhost", "/prod/ping").body()).isEqualTo("{\"pong\":true}");

            Snapshot broken = snapshot(8, api("k3x9q2m7ab", stage("prod", List.of(route("GET /x", "nope")), List.of())));
            peer.push(broken);
            Rejected rejected = peer.next(Rejected.class, WAIT);
            assertThat(rejected.revision()).isEqualTo(8);
            assertThat(rejected.problems()).anySatisfy(p -> assertThat(p).contains("unknown integration nope"));

            peer.sendText("{\"type\":\"snapshot\",\"snapshot\":{\"schemaVersion\":\"2.0\",\"revision\":9,\"apis\":7}}");
            Rejected newer = peer.next(Rejected.class, WAIT);
            assertThat(newer.revision()).isEqualTo(9);
            assertThat(newer.problems()).singleElement().asString().contains("unsupported snapshot schema version");

            assertThat(client.get("k3x9q2m7ab.localhost", "/prod/ping").status()).as("still serving 7").isEqualTo(200);
            assertThat(client.get("k3x9q2m7ab.localhost", "/prod/nothing-here").status()).isEqualTo(404);
            Heartbeat heartbeat = peer.next(Heartbeat.class, WAIT);
            while (heartbeat.traffic().requests() < 3) { // one sent before the last requests were counted
                heartbeat = peer.next(Heartbeat.class, WAIT);
            }
            assertThat(heartbeat.appliedRevision()).isEqualTo(7);
            assertThat(heartbeat.requestsServed()).isEqualTo(3);
            assertThat(heartbeat.traffic().clientErrors()).isEqualTo(1);
            assertThat(heartbeat.traffic().serverErrors()).isZero();
            assertThat(heartbeat.traffic().latencyBuckets().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        }
    }

    @Test
    void reconnectsAfterTheControlPlaneDropsAndAfterAWrongToken(@TempDir Path dataDir) throws Exception {
        try (ControlPlanePeer peer = ControlPlanePeer.start(vertx, TOKEN);
             RunningNode node = RunningNode.start(connectedTo(dataDir, peer.url(), TOKEN));
             GatewayClient client = new GatewayClient(vertx, node.gatewayPort())) {
            peer.next(Hello.class, WAIT);
            peer.push(GoldenSnapshots.read("pets"));
            peer.next(Applied.class, WAIT);

            peer.drop();

            Hello again = peer.next(Hello.class, WAIT);
            assertThat(again.appliedRevision()).isEqualTo(7);
            assertThat(client.get("k3x9q2m7ab.localhost", "/prod/ping").status()).isEqualTo(200);
        }
        try (ControlPlanePeer strict = ControlPlanePeer.start(vertx, "another-token");
             RunningNode node = RunningNode.start(connectedTo(dataDir, strict.url(), TOKEN))) {
            strict.nextHandshake(WAIT);
            strict.nextHandshake(WAIT);
            assertThat(node.node().snapshot().ready()).as("served from disk meanwhile").isTrue();
        }
    }

    @Test
    void startsWhileTheControlPlaneIsDownAndSyncsWhenItComes(@TempDir Path dataDir) throws Exception {
        int port;
        try (ControlPlanePeer first = ControlPlanePeer.start(vertx, TOKEN);
             RunningNode node = RunningNode.start(connectedTo(dataDir, first.url(), TOKEN))) {
            first.next(Hello.class, WAIT);
            first.push(GoldenSnapshots.read("pets"));
            first.next(Applied.class, WAIT);
            port = first.port();
        }

        try (RunningNode node = RunningNode.start(connectedTo(dataDir, "http://127.0.0.1:" + port, TOKEN));
             GatewayClient client = new GatewayClient(vertx, node.gatewayPort())) {
            assertThat(client.get("k3x9q2m7ab.localhost", "/prod/ping").body()).isEqualTo("{\"pong\":true}");
            Thread.sleep(600);
            try (ControlPlanePeer back = ControlPlanePeer.start(vertx, TOKEN, port)) {
                assertThat(back.next(Hello.class, Duration.ofSeconds(10)).appliedRevision()).isEqualTo(7);
                back.push(GoldenSnapshots.read("shop"));
                assertThat(back.next(Applied.class, WAIT)).isEqualTo(new Applied(12));
            }
        }
    }
}
