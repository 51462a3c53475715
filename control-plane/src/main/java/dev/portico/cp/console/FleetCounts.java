package dev.portico.cp.console;

import dev.portico.cp.node.NodeStatus;
import dev.portico.cp.node.NodeView;

import java.util.List;

/** The fleet at a glance: how many nodes stand how, at which gateway revision. */
public record FleetCounts(long revision, long inSync, long behind, long offline) {

    static FleetCounts of(List<NodeView> nodes, long revision) {
        return new FleetCounts(revision, count(nodes, NodeStatus.IN_SYNC), count(nodes, NodeStatus.BEHIND),
                count(nodes, NodeStatus.OFFLINE));
    }

    public long total() {
        return inSync + behind + offline;
    }

    private static long count(List<NodeView> nodes, NodeStatus status) {
        return nodes.stream().filter(n -> n.status() == status).count();
    }
}
