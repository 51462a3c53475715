package dev.portico.node;

import dev.portico.node.pipeline.GatewayLimits;
import dev.portico.node.testing.RunningNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A connection that carries nothing is closed after the idle timeout. */
class IdleTimeoutIT {

    @Test
    void silentConnectionsAreClosed(@TempDir Path dataDir) throws Exception {
        NodeConfig config = NodeConfig.forTests(dataDir).withLimits(GatewayLimits.DEFAULT.withIdleTimeout(Duration.ofMillis(500)));
        try (RunningNode node = RunningNode.start(config);
             Socket socket = new Socket("127.0.0.1", node.gatewayPort())) {
            socket.setSoTimeout(5_000);
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();

            assertThat(in.read()).as("end of stream: the node closed the connection").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(4));
        }
    }
}
