package dev.portico.cp.node;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NodeStatusTest {

    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    @Test
    void inSyncWhenConnectedRecentAndServingTheCurrentRevision() {
        assertThat(NodeStatus.of(node(true, NOW.minusSeconds(2), 7), 7, NOW)).isEqualTo(NodeStatus.IN_SYNC);
    }

    @Test
    void behindWhenServingAnotherRevision() {
        assertThat(NodeStatus.of(node(true, NOW.minusSeconds(2), 6), 7, NOW)).isEqualTo(NodeStatus.BEHIND);
    }

    @Test
    void offlineWhenDisconnectedOrSilentForTenSeconds() {
        assertThat(NodeStatus.of(node(false, NOW, 7), 7, NOW)).isEqualTo(NodeStatus.OFFLINE);
        assertThat(NodeStatus.of(node(true, NOW.minusMillis(10_001), 7), 7, NOW)).isEqualTo(NodeStatus.OFFLINE);
        assertThat(NodeStatus.of(node(true, NOW.minusMillis(10_000), 7), 7, NOW)).isEqualTo(NodeStatus.IN_SYNC);
        assertThat(NodeStatus.of(node(true, null, 7), 7, NOW)).isEqualTo(NodeStatus.OFFLINE);
    }

    private static FleetNode node(boolean connected, Instant lastHeartbeat, long applied) {
        FleetNode node = new FleetNode();
        node.id = "n1";
        node.connected = connected;
        node.lastHeartbeat = lastHeartbeat;
        node.appliedRevision = applied;
        return node;
    }
}
