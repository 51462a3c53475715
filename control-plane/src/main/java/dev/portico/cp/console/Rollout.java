package dev.portico.cp.console;

import dev.portico.cp.node.NodeStatus;
import dev.portico.cp.node.NodeView;

import java.util.List;

/**
 * A deploy or rollback reaching the fleet: every node against the gateway revision that carries
 * the change. It is done when every connected node applied that revision (or a later one).
 *
 * @param revision the gateway revision the change produced
 */
public record Rollout(long revision, List<NodeProgress> nodes, boolean done) {

    /** One node's progress. */
    public record NodeProgress(String id, String address, long appliedRevision, String status, boolean applied) {
    }

    static Rollout of(long revision, List<NodeView> fleet) {
        List<NodeProgress> nodes = fleet.stream().map(n -> new NodeProgress(n.id(), n.address(), n.appliedRevision(),
                n.status().name(), n.status() != NodeStatus.OFFLINE && n.appliedRevision() >= revision)).toList();
        boolean done = fleet.stream().allMatch(n -> n.status() == NodeStatus.OFFLINE || n.appliedRevision() >= revision);
        return new Rollout(revision, nodes, done);
    }

    public long appliedCount() {
        return nodes.stream().filter(NodeProgress::applied).count();
    }
}
