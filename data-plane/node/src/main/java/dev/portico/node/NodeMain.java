package dev.portico.node;

import java.io.FileDescriptor;
import java.io.FileOutputStream;

/**
 * {@code java -jar portico-node-all.jar}: configuration from the environment, access log on stdout,
 * everything else on stderr, SIGTERM drains.
 */
public final class NodeMain {

    private NodeMain() {
    }

    public static void main(String[] args) {
        ConsoleLogging.install();
        NodeConfig config;
        try {
            config = NodeConfig.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Portico node: bad configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        Node node;
        try {
            node = Node.start(config, new FileOutputStream(FileDescriptor.out));
        } catch (Exception e) {
            System.err.println("Portico node could not start: " + e);
            System.exit(1);
            return;
        }
        // Printed directly: java.util.logging may already be shut down while shutdown hooks run.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("Portico node " + node.id() + " stopping: draining requests in flight (up to "
                    + config.tuning().shutdownGrace().toSeconds() + " s)");
            node.stop();
            System.err.println("Portico node " + node.id() + " stopped");
        }, "portico-shutdown"));
        String host = config.listen().bindHost();
        System.err.println("Portico node " + node.id() + " listening: gateway " + host + ":" + node.gatewayPort()
                + ", status " + host + ":" + node.statusPort() + "; transport " + node.transport());
    }
}
