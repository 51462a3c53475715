package dev.portico.node;

import dev.portico.node.testing.Blocking;
import dev.portico.node.testing.ControlPlanePeer;
import dev.portico.node.testing.GatewayClient;
import dev.portico.node.testing.GatewayClient.Reply;
import dev.portico.node.testing.RunningNode;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.PlanStage;
import dev.portico.snapshot.Quota;
import dev.portico.snapshot.QuotaPeriod;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.fleet.Applied;
import dev.portico.snapshot.fleet.Hello;
import dev.portico.snapshot.fleet.UsageReport;
import dev.portico.snapshot.fleet.UsageReport.UsageCount;
import dev.portico.snapshot.fleet.UsageTotals;
import dev.portico.snapshot.fleet.UsageTotals.UsageTotal;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.key;
import static dev.portico.node.testing.Snapshots.keyedRoute;
import static dev.portico.node.testing.Snapshots.mock;
import static dev.portico.node.testing.Snapshots.plan;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fleet-wide usage between a real node and a WebSocket peer speaking the control plane's side:
 * reports with the right counts, resent after a reconnect until confirmed, and totals from the
 * control plane deciding the quota.
 */
class UsageReportIT {

    private static final String TOKEN = "cluster-secret";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String API_ID = "usage00001";
    private static final String HOST = API_ID + ".localhost";

    private final Vertx vertx = Vertx.vertx();
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();

    @AfterEach
    void close() {
        Blocking.await(vertx.close());
    }

    private static Snapshot gateway(long revision) {
        List<Integration> integrations = List.of(mock("pet", 200, "{}"));
        PlanStage prod = new PlanStage(API_ID, "prod", Map.of());
        return snapshot(revision, List.of(api(API_ID, stage("prod", List.of(keyedRoute("GET /pets/{id}", "pet")), integrations))),
                List.of(key("km", "value-m", true, "metered"), key("kq", "value-q", true, "capped")),
                List.of(plan("metered", null, null, prod), plan("capped", null, new Quota(20, QuotaPeriod.DAY, 0), prod)));
    }

    private static MultiMap withKey(String value) {
        return MultiMap.caseInsensitiveMultiMap().add("x-api-key", value);
    }

    private RunningNode connectedNode(Path dataDir, ControlPlanePeer peer) throws Exception {
        RunningNode node = RunningNode.start(NodeConfig.forTests(dataDir).withControlPlane(URI.create(peer.url()), TOKEN));
        peer.next(Hello.class, WAIT);
        peer.push(gateway(1));
        peer.next(Applied.class, WAIT);
        return node;
    }

    @Test
    void reportsAreResentAfterAReconnectUntilTotalsConfirmThem(@TempDir Path dataDir) throws Exception {
        try (ControlPlanePeer peer = ControlPlanePeer.start(vertx, TOKEN);
             RunningNode node = connectedNode(dataDir, peer);
             GatewayClient client = new GatewayClient(vertx, node.gatewayPort())) {
            for (int i = 0; i < 3; i++) {
                assertThat(client.get(HOST, "/prod/pets/1", withKey("value-m")).status()).isEqualTo(200);
            }

            UsageReport first = peer.next(UsageReport.class, WAIT);
            assertThat(first.bootId()).isEqualTo(node.node().bootId());
            assertThat(first.seq()).isEqualTo(1);
            assertThat(first.counts()).containsExactly(new UsageCount("km", "metered", today, 3));

            peer.drop();
            peer.next(Hello.class, WAIT);
            assertThat(peer.next(UsageReport.class, WAIT)).as("resent as it was").isEqualTo(first);

            peer.sendText(SnapshotCodec.write(new UsageTotals(first.bootId(), 1, List.of())));
            assertThat(client.get(HOST, "/prod/pets/1", withKey("value-m")).status()).isEqualTo(200);
            UsageReport second = peer.next(UsageReport.class, WAIT);
            assertThat(second.seq()).isEqualTo(2);
            assertThat(second.counts()).containsExactly(new UsageCount("km", "metered", today, 1));

            peer.drop();
            peer.next(Hello.class, WAIT);
            assertThat(peer.next(UsageReport.class, WAIT)).as("only the unconfirmed one").isEqualTo(second);
        }
    }

    @Test
    void usageCountedWhileTheControlPlaneIsAwayIsReportedWhenItIsBack(@TempDir Path dataDir) throws Exception {
        int port;
        try (ControlPlanePeer peer = ControlPlanePeer.start(vertx, TOKEN);
             RunningNode node = connectedNode(dataDir, peer);
             GatewayClient client = new GatewayClient(vertx, node.gatewayPort())) {
            port = peer.port();
            peer.close();
            for (int i = 0; i < 4; i++) {
                assertThat(client.get(HOST, "/prod/pets/1", withKey("value-q")).status()).isEqualTo(200);
            }
            try (ControlPlanePeer back = ControlPlanePeer.start(vertx, TOKEN, port)) {
                back.next(Hello.class, Duration.ofSeconds(20));
                // A report sent as the old connection closed is unconfirmed and comes again first: count them all.
                long reported = 0;
                java.util.Set<Long> seqs = new java.util.HashSet<>();
                while (reported < 4) {
                    UsageReport report = back.next(UsageReport.class, WAIT);
                    assertThat(seqs.add(report.seq())).as("each report once").isTrue();
                    assertThat(report.counts()).allSatisfy(c -> assertThat(c).isEqualTo(
                            new UsageCount("kq", "capped", today, c.count())));
                    reported += report.counts().stream().mapToLong(UsageCount::count).sum();
                }
                assertThat(reported).isEqualTo(4);
            }
        }
    }

    @Test
    void totalsFromTheControlPlaneDecideTheQuota(@TempDir Path dataDir) throws Exception {
        try (ControlPlanePeer peer = ControlPlanePeer.start(vertx, TOKEN);
             RunningNode node = connectedNode(dataDir, peer);
             GatewayClient client = new GatewayClient(vertx, node.gatewayPort())) {
            sendTotals(peer, new UsageTotals(null, 0, List.of(new UsageTotal("kq", "capped", today, 20))), 2);

            Reply refused = client.get(HOST, "/prod/pets/1", withKey("value-q"));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
            assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");

            sendTotals(peer, new UsageTotals(node.node().bootId(), 0, List.of(new UsageTotal("kq", "capped", today, 18))), 3);
            Reply admitted = client.get(HOST, "/prod/pets/1", withKey("value-q"));
            assertThat(admitted.status()).isEqualTo(200);
            assertThat(admitted.header("RateLimit-Remaining")).isEqualTo("1");
            assertThat(client.get(HOST, "/prod/pets/1", withKey("value-q")).status()).isEqualTo(200);
            assertThat(client.get(HOST, "/prod/pets/1", withKey("value-q")).status()).as("18 + 2 = 20").isEqualTo(429);

            UsageReport early = peer.next(UsageReport.class, WAIT);
            assertThat(early.counts()).as("near the limit each request is reported at once (one or both, by timing)")
                    .singleElement().satisfies(count -> {
                        assertThat(count.keyId()).isEqualTo("kq");
                        assertThat(count.count()).isBetween(1L, 2L);
                    });
            sendTotals(peer, new UsageTotals("some-other-boot", 99, List.of()), 4);
            assertThat(client.get(HOST, "/prod/pets/1", withKey("value-q")).status()).as("totals of another boot are ignored")
                    .isEqualTo(429);
        }
    }

    /**
     * Sends totals and waits until the node has taken them: it reads frames in order and takes totals
     * as it reads them, so once it answers a snapshot pushed after them, they are in.
     */
    private static void sendTotals(ControlPlanePeer peer, UsageTotals totals, long thenRevision) throws InterruptedException {
        peer.sendText(SnapshotCodec.write(totals));
        peer.push(gateway(thenRevision));
        assertThat(peer.next(Applied.class, WAIT)).isEqualTo(new Applied(thenRevision));
    }
}
