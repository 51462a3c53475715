package dev.portico.cp.node;

import java.time.Instant;

/** A node as {@code GET /admin/v1/nodes} shows it. */
public record NodeView(String id, String address, String version, long appliedRevision, NodeStatus status,
                       Instant connectedAt, Instant lastHeartbeat, String lastError) {

    static NodeView of(FleetNode node, long currentRevision, Instant now) {
        return new NodeView(node.id, node.address, node.version, node.appliedRevision,
                NodeStatus.of(node, currentRevision, now), node.connectedAt, node.lastHeartbeat, node.lastError);
    }
}
