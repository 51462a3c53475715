package dev.portico.cp.node;

import dev.portico.snapshot.fleet.FleetMessage;

import java.time.Instant;

/** How a node stands: serving the current revision, connected but behind, or gone. */
public enum NodeStatus {
    IN_SYNC, BEHIND, OFFLINE;

    /**
     * OFFLINE when disconnected or silent for {@link FleetMessage#OFFLINE_AFTER_MILLIS}; else IN_SYNC
     * when it serves the current revision, else BEHIND.
     */
    public static NodeStatus of(FleetNode node, long currentRevision, Instant now) {
        if (!node.connected || node.lastHeartbeat == null
                || node.lastHeartbeat.plusMillis(FleetMessage.OFFLINE_AFTER_MILLIS).isBefore(now)) {
            return OFFLINE;
        }
        return node.appliedRevision == currentRevision ? IN_SYNC : BEHIND;
    }
}
