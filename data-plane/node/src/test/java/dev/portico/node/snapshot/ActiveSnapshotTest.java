package dev.portico.node.snapshot;

import dev.portico.node.authorize.Authorizers;
import dev.portico.node.testing.Blocking;
import dev.portico.node.integration.BackendClients;
import dev.portico.node.observe.NodeMetrics;
import dev.portico.node.routing.RequestPath;
import dev.portico.node.routing.RouteMethod;
import dev.portico.snapshot.Api;
import dev.portico.snapshot.GoldenSnapshots;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.Route;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotCodec;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.proxy;
import static dev.portico.node.testing.Snapshots.route;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;

class ActiveSnapshotTest {

    @TempDir
    Path dataDir;

    private final Vertx vertx = Vertx.vertx();
    private final NodeMetrics metrics = new NodeMetrics();

    @AfterEach
    void close() {
        Blocking.await(vertx.close());
    }

    private ActiveSnapshot active() {
        return new ActiveSnapshot(new SnapshotCompiler(new BackendClients(vertx, 4, 1), new Authorizers(vertx)), new SnapshotStore(dataDir), metrics);
    }

    @Test
    void servesNothingBeforeTheFirstSnapshot() {
        ActiveSnapshot active = active();

        assertThat(active.ready()).isFalse();
        assertThat(active.current()).isSameAs(CompiledSnapshot.NONE);
        assertThat(active.applyStored()).isNull();
    }

    @Test
    void appliesSwapsAndStoresTheSnapshot() throws Exception {
        ActiveSnapshot active = active();

        ApplyOutcome outcome = active.apply(GoldenSnapshots.read("pets"));

        assertThat(outcome).isEqualTo(new ApplyOutcome.Applied(7, ((ApplyOutcome.Applied) outcome).took()));
        assertThat(outcome.toMessage()).isEqualTo(new dev.portico.snapshot.fleet.Applied(7));
        assertThat(active.ready()).isTrue();
        assertThat(active.current().revision()).isEqualTo(7);
        Path file = dataDir.resolve("snapshot.json");
        assertThat(SnapshotCodec.read(Files.readAllBytes(file))).isEqualTo(GoldenSnapshots.read("pets"));
        assertThat(dataDir.resolve("snapshot.json.tmp")).doesNotExist();
        assertThat(metrics.scrape()).contains("portico_snapshot_revision 7.0");
    }

    @Test
    void anInvalidSnapshotIsRejectedAndTheOldOneKept() {
        ActiveSnapshot active = active();
        active.apply(GoldenSnapshots.read("pets"));
        CompiledSnapshot before = active.current();
        Snapshot broken = snapshot(8, api("a1", stage("prod",
                List.of(route("GET /x", "missing")), List.<Integration>of())));

        ApplyOutcome outcome = active.apply(broken);

        assertThat(outcome).isInstanceOfSatisfying(ApplyOutcome.Rejected.class, rejected -> {
            assertThat(rejected.revision()).isEqualTo(8);
            assertThat(rejected.problems()).anySatisfy(p -> assertThat(p).contains("unknown integration missing"));
        });
        assertThat(active.current()).isSameAs(before);
        assertThat(SnapshotCodec.read(readStored()).revision()).isEqualTo(7);
        assertThat(metrics.scrape()).contains("portico_snapshot_rejected_total 1.0");
    }

    @Test
    void anUnknownSchemaMajorIsRefusedAndSaysSo() {
        ActiveSnapshot active = active();

        ApplyOutcome outcome = active.apply(new Snapshot("2.0", 3, List.of(), List.of(), List.of()));

        assertThat(outcome).isInstanceOfSatisfying(ApplyOutcome.Rejected.class, rejected ->
                assertThat(rejected.problems()).singleElement().asString()
                        .contains("unsupported snapshot schema version \"2.0\"").contains("[1]"));
        assertThat(active.ready()).isFalse();
    }

    @Test
    void aNewNodeServesTheStoredSnapshot() {
        active().apply(GoldenSnapshots.read("shop"));

        ActiveSnapshot restarted = active();
        ApplyOutcome outcome = restarted.applyStored();

        assertThat(outcome).isInstanceOf(ApplyOutcome.Applied.class);
        assertThat(restarted.current().revision()).isEqualTo(12);
        assertThat(restarted.current().api("shop000001")).isNotNull();
    }

    @Test
    void aCorruptStoredSnapshotIsReportedAndIgnored() throws Exception {
        Files.writeString(dataDir.resolve("snapshot.json"), "{\"revision\": 3, \"apis\": [ {\"id\"");

        ActiveSnapshot active = active();

        assertThat(active.applyStored()).isNull();
        assertThat(active.ready()).isFalse();
    }

    @Test
    void aStoredSnapshotThatNoLongerValidatesIsNotServed() throws Exception {
        Files.writeString(dataDir.resolve("snapshot.json"), "{\"schemaVersion\":\"9.0\",\"revision\":3,\"apis\":[]}");

        ActiveSnapshot active = active();

        assertThat(active.applyStored()).isInstanceOf(ApplyOutcome.Rejected.class);
        assertThat(active.ready()).isFalse();
    }

    @Test
    void writeThenRenameReplacesTheFileWhole() throws Exception {
        SnapshotStore store = new SnapshotStore(dataDir);
        Files.writeString(dataDir.resolve("snapshot.json.tmp"), "left over from a crash");

        store.save(GoldenSnapshots.read("empty"));
        store.save(GoldenSnapshots.read("pets"));

        assertThat(store.load()).contains(GoldenSnapshots.read("pets"));
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("snapshot.json");
        }
    }

    @Test
    void tenThousandRoutesCompileApplyAndMatchWithinSeconds() throws Exception {
        List<Route> routes = new ArrayList<>();
        List<Integration> integrations = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            routes.add(new Route("r" + i, "GET /resource" + i + "/{id}/items/{proxy+}", "i" + i,
                    null, false));
            integrations.add(proxy("i" + i, "http://127.0.0.1:9/resource" + i + "/{id}/items/{proxy}"));
        }
        Api big = api("bigapi0001", stage("prod", routes, integrations));
        Snapshot snapshot = snapshot(42, big);
        // As a node does at start (Node.startParts): the first snapshot should not pay for class loading.
        ActiveSnapshot active = active();
        active.warmUp();

        long started = System.nanoTime();
        ApplyOutcome outcome = active.apply(snapshot);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        System.out.println("10,000-route API: validate + compile + swap + store took " + took.toMillis() + " ms");
        assertThat(outcome).isInstanceOf(ApplyOutcome.Applied.class);
        // About 0.6 s on an idle 2-core machine. The bound is there to catch a step that grows faster
        // than the routes (quadratic over 10,000 routes takes minutes), not to fail on a busy machine.
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        assertThat(active.current().api("bigapi0001").stageNamed("prod").routes()
                .match(RouteMethod.GET, RequestPath.parse("/resource9999/7/items/a/b"), 0).id()).isEqualTo("r9999");
    }

    private byte[] readStored() {
        try {
            return Files.readAllBytes(dataDir.resolve("snapshot.json"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
