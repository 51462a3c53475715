package dev.portico.snapshot;

import dev.portico.snapshot.fleet.Applied;
import dev.portico.snapshot.fleet.FleetMessage;
import dev.portico.snapshot.fleet.Heartbeat;
import dev.portico.snapshot.fleet.Hello;
import dev.portico.snapshot.fleet.Traffic;
import dev.portico.snapshot.fleet.Rejected;
import dev.portico.snapshot.fleet.UsageReport;
import dev.portico.snapshot.fleet.UsageTotals;
import dev.portico.snapshot.fleet.SnapshotPush;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotCodecTest {

    @Test
    void everyGoldenFileIsValidAndRoundTrips() {
        for (String name : GoldenSnapshots.NAMES) {
            Snapshot snapshot = GoldenSnapshots.read(name);
            assertThat(SnapshotValidator.problems(snapshot)).as(name).isEmpty();
            assertThat(SnapshotCodec.read(SnapshotCodec.write(snapshot))).as(name).isEqualTo(snapshot);
        }
    }

    @Test
    void readsTheTypedIntegrations() {
        Deployment deployment = GoldenSnapshots.read("pets").apis().get(0).stages().get(0).deployment();
        assertThat(deployment.integrations()).hasExactlyElementsOfTypes(HttpProxyIntegration.class, MockIntegration.class);
        assertThat(((MockIntegration) deployment.integrations().get(1)).body()).isEqualTo("{\"pong\":true}");
    }

    @Test
    void hashDoesNotDependOnListOrder() {
        Route a = new Route("a", "GET /a", "i", AuthorizationType.NONE, false);
        Route b = new Route("b", "GET /b", "i", AuthorizationType.NONE, false);
        Integration i = new MockIntegration("i", 200, Map.of(), "x");
        assertThat(new Deployment("d", 1, "h", List.of(b, a), List.of(i)).routes()).containsExactly(a, b);
        assertThat(SnapshotCodec.contentHash(List.of(a, b), List.of(i)))
                .startsWith("sha256:")
                .isNotEqualTo(SnapshotCodec.contentHash(List.of(a), List.of(i)));
    }

    @Test
    void ignoresFieldsFromANewerMinor() {
        String json = new String(GoldenSnapshots.bytes("empty"), StandardCharsets.UTF_8)
                .replace("\"revision\"", "\"addedLater\" : {\"x\": 1}, \"revision\"");
        assertThat(SnapshotCodec.read(json.getBytes(StandardCharsets.UTF_8)).revision()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsAnInvalidSnapshot() {
        assertThatThrownBy(() -> SnapshotCodec.read("{\"apis\": 3".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessageContaining("not a snapshot");
    }

    @Test
    void fleetMessagesRoundTripWithTheirType() {
        List<FleetMessage> messages = List.of(new Hello("n1", "http://127.0.0.1:8000", "0.1.0", 3),
                new SnapshotPush(GoldenSnapshots.read("pets")), new Applied(7), new Rejected(8, List.of("bad")), new Heartbeat(7, 100),
                new Heartbeat(7, 100, new Traffic(100, 3, 1, List.of(90L, 5L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 5L))),
                new UsageReport("boot1", 4, List.of(new UsageReport.UsageCount("k1", "p1", "2027-03-03", 12))),
                new UsageTotals("boot1", 4, List.of(new UsageTotals.UsageTotal("k1", "p1", "2027-03-01", 99))));
        for (FleetMessage message : messages) {
            String json = SnapshotCodec.write(message);
            assertThat(SnapshotCodec.readMessage(json)).isEqualTo(message);
        }
        assertThat(SnapshotCodec.write(new Applied(7))).isEqualTo("{\"type\":\"applied\",\"revision\":7}");
        assertThatThrownBy(() -> SnapshotCodec.readMessage("{\"type\":\"nope\"}")).isInstanceOf(InvalidSnapshotException.class);
    }

    @Test
    void latenciesFallInTheirBuckets() {
        assertThat(Traffic.bucketOf(0)).isZero();
        assertThat(Traffic.bucketOf(5)).isZero();
        assertThat(Traffic.bucketOf(6)).isEqualTo(1);
        assertThat(Traffic.bucketOf(10_000)).isEqualTo(Traffic.LATENCY_BOUNDS_MILLIS.size() - 1);
        assertThat(Traffic.bucketOf(10_001)).isEqualTo(Traffic.LATENCY_BOUNDS_MILLIS.size());
    }
}
