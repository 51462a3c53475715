package dev.portico.node;

import dev.portico.snapshot.Throttle;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeConfigTest {

    @Test
    void defaults() {
        NodeConfig config = NodeConfig.fromEnv(Map.of("HOSTNAME", "Box1"));

        assertThat(config.controlPlane()).isNull();
        assertThat(config.listen().gatewayPort()).isEqualTo(8000);
        assertThat(config.listen().statusPort()).isEqualTo(8100);
        assertThat(config.listen().bindHost()).isEqualTo("0.0.0.0");
        assertThat(config.executeDomain()).isEqualTo("localhost");
        assertThat(config.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".portico", "node"));
        assertThat(config.nodeId()).matches("box1-[a-z0-9]{6}");
        assertThat(config.nodeThrottle()).as("no node-wide throttle unless asked").isNull();
        assertThat(config.tuning().nativeTransport()).as("epoll preferred").isTrue();
        assertThat(config.tuning().gatewayInstances()).as("an event loop per CPU").isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void aNodeWideThrottleNeedsBothARateAndABurst() {
        assertThat(NodeConfig.fromEnv(Map.of("PORTICO_NODE_RATE_LIMIT", "2.5", "PORTICO_NODE_BURST_LIMIT", "10"))
                .nodeThrottle()).isEqualTo(new Throttle(2.5, 10));
        assertThatThrownBy(() -> NodeConfig.fromEnv(Map.of("PORTICO_NODE_RATE_LIMIT", "100")))
                .hasMessageContaining("PORTICO_NODE_BURST_LIMIT").hasMessageContaining("both");
        assertThatThrownBy(() -> NodeConfig.fromEnv(Map.of("PORTICO_NODE_BURST_LIMIT", "100")))
                .hasMessageContaining("PORTICO_NODE_RATE_LIMIT").hasMessageContaining("both");
        for (String rate : new String[] {"0", "-1", "fast", "NaN", "Infinity"}) {
            assertThatThrownBy(() -> NodeConfig.fromEnv(Map.of("PORTICO_NODE_RATE_LIMIT", rate, "PORTICO_NODE_BURST_LIMIT", "1")))
                    .as(rate).hasMessageContaining("PORTICO_NODE_RATE_LIMIT").hasMessageContaining(rate);
        }
        for (String burst : new String[] {"0", "-3", "1.5", "99999999999"}) {
            assertThatThrownBy(() -> NodeConfig.fromEnv(Map.of("PORTICO_NODE_RATE_LIMIT", "1", "PORTICO_NODE_BURST_LIMIT", burst)))
                    .as(burst).hasMessageContaining("PORTICO_NODE_BURST_LIMIT");
        }
    }

    @Test
    void readsEveryVariable() {
        NodeConfig config = NodeConfig.fromEnv(Map.of(
                "PORTICO_CONTROL_PLANE", "http://127.0.0.1:8080",
                "PORTICO_CLUSTER_TOKEN", "secret",
                "PORTICO_NODE_ID", "n1",
                "PORTICO_DATA_DIR", "/tmp/n1",
                "PORTICO_GATEWAY_PORT", "0",
                "PORTICO_STATUS_PORT", "9100",
                "PORTICO_BIND_HOST", "127.0.0.1",
                "PORTICO_EXECUTE_DOMAIN", "gw.example.com",
                "PORTICO_SHUTDOWN_GRACE_SECONDS", "3"));

        assertThat(config.controlPlane()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(config.clusterToken()).isEqualTo("secret");
        assertThat(config.nodeId()).isEqualTo("n1");
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/n1"));
        assertThat(config.listen().gatewayPort()).isZero();
        assertThat(config.listen().statusPort()).isEqualTo(9100);
        assertThat(config.listen().bindHost()).isEqualTo("127.0.0.1");
        assertThat(config.executeDomain()).isEqualTo("gw.example.com");
        assertThat(config.tuning().shutdownGrace()).hasSeconds(3);
    }

    @Test
    void readsTheTuningVariables() {
        NodeConfig config = NodeConfig.fromEnv(Map.of("PORTICO_NATIVE_TRANSPORT", "FALSE", "PORTICO_EVENT_LOOPS", "3"));

        assertThat(config.tuning().nativeTransport()).isFalse();
        assertThat(config.tuning().gatewayInstances()).isEqualTo(3);
    }

    @Test
    void badValuesSayWhichVariable() {
        assertThatThrownBy(() -> NodeConfig.fromEnv(Map.of("PORTICO_GATEWAY_PORT", "eighty")))
                .hasMessageContaining("PORTICO_GATEWAY_PORT");
        assertThatThrownBy(() -> NodeConfig.fromEnv(Map.of("PORTICO_STATUS_PORT", "70000")))
                .hasMessageContaining("PORTICO_STATUS_PORT");
        assertThatThrownBy(() -> NodeConfig.fromEnv(Map.of("PORTICO_CONTROL_PLANE", "localhost:8080")))
                .hasMessageContaining("PORTICO_CONTROL_PLANE");
        assertThatThrownBy(() -> NodeConfig.fromEnv(Map.of("PORTICO_NATIVE_TRANSPORT", "yes")))
                .hasMessageContaining("PORTICO_NATIVE_TRANSPORT must be true or false, got \"yes\"");
        assertThatThrownBy(() -> NodeConfig.fromEnv(Map.of("PORTICO_EVENT_LOOPS", "0")))
                .hasMessageContaining("PORTICO_EVENT_LOOPS must be from 1 to 256, got 0");
    }
}
