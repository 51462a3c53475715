package dev.portico.cp.console;

import dev.portico.cp.node.NodeStatus;
import dev.portico.cp.node.NodeView;

import java.time.Duration;
import java.time.Instant;

/** A node on the nodes page; BEHIND and OFFLINE ones are stale and highlighted. */
public record NodeRow(String id, String address, String version, long appliedRevision, String status,
                      String lastSeen, String lastError) {

    static NodeRow of(NodeView node, Instant now) {
        return new NodeRow(node.id(), node.address(), node.version(), node.appliedRevision(), node.status().name(),
                ago(node.lastHeartbeat(), now), node.lastError());
    }

    public boolean stale() {
        return !NodeStatus.IN_SYNC.name().equals(status);
    }

    static String ago(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 120) {
            return seconds + " s ago";
        }
        return seconds < 7200 ? seconds / 60 + " min ago" : seconds / 3600 + " h ago";
    }
}
