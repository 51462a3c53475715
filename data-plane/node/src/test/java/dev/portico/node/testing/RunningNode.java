package dev.portico.node.testing;

import dev.portico.node.Node;
import dev.portico.node.NodeConfig;
import dev.portico.node.snapshot.ApplyOutcome;
import dev.portico.snapshot.Snapshot;
import org.assertj.core.api.Assertions;

import java.nio.file.Path;

/** A real node on free loopback ports, its access log captured. */
public final class RunningNode implements AutoCloseable {

    private final Node node;
    private final CapturedLines accessLog = new CapturedLines();

    private RunningNode(NodeConfig config) throws Exception {
        this.node = Node.start(config, accessLog);
    }

    public static RunningNode start(Path dataDir) throws Exception {
        return new RunningNode(NodeConfig.forTests(dataDir));
    }

    public static RunningNode start(NodeConfig config) throws Exception {
        return new RunningNode(config);
    }

    /** Applies through the node's own entry point and insists that it was applied. */
    public void apply(Snapshot snapshot) {
        Assertions.assertThat(node.apply(snapshot)).isInstanceOf(ApplyOutcome.Applied.class);
    }

    public Node node() {
        return node;
    }

    public CapturedLines accessLog() {
        return accessLog;
    }

    public int gatewayPort() {
        return node.gatewayPort();
    }

    public int statusPort() {
        return node.statusPort();
    }

    @Override
    public void close() {
        node.stop();
    }
}
