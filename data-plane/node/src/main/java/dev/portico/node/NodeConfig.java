package dev.portico.node;

import dev.portico.node.pipeline.GatewayLimits;
import dev.portico.snapshot.Throttle;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The node's configuration, read from environment variables (docs/node.md lists them).
 *
 * @param controlPlane null when unset: the node then serves the snapshot on disk and never syncs
 * @param nodeThrottle one bucket for every request this node serves; null when unset
 */
public record NodeConfig(String nodeId, URI controlPlane, String clusterToken, Path dataDir, String executeDomain,
                         Listen listen, GatewayLimits limits, Tuning tuning, Throttle nodeThrottle) {

    /**
     * Where the node listens. Port 0 picks a free port.
     *
     * @param advertisedAddress the gateway URL reported to the control plane; null: derived from host and port
     */
    public record Listen(String bindHost, int gatewayPort, int statusPort, String advertisedAddress) {
    }

    /**
     * @param gatewayInstances gateway server instances (one per event loop used)
     * @param backendPoolSize  pooled connections per backend origin
     * @param shutdownGrace    how long SIGTERM waits for requests in flight
     * @param nativeTransport  prefer Linux's epoll to Java NIO (falls back to NIO where it cannot load)
     */
    public record Tuning(int gatewayInstances, int backendPoolSize, Duration shutdownGrace, boolean nativeTransport) {
        public static Tuning standard() {
            return new Tuning(Runtime.getRuntime().availableProcessors(), 256, Duration.ofSeconds(10), true);
        }
    }

    public static NodeConfig fromEnv(Map<String, String> env) {
        String controlPlane = blankToNull(env.get("PORTICO_CONTROL_PLANE"));
        Path dataDir = env.containsKey("PORTICO_DATA_DIR")
                ? Path.of(env.get("PORTICO_DATA_DIR"))
                : Path.of(System.getProperty("user.home"), ".portico", "node");
        Listen listen = new Listen(
                env.getOrDefault("PORTICO_BIND_HOST", "0.0.0.0"),
                port(env, "PORTICO_GATEWAY_PORT", 8000),
                port(env, "PORTICO_STATUS_PORT", 8100),
                blankToNull(env.get("PORTICO_ADVERTISED_ADDRESS")));
        Tuning standard = Tuning.standard();
        Tuning tuning = new Tuning((int) number(env, "PORTICO_EVENT_LOOPS", standard.gatewayInstances(), 1, 256),
                standard.backendPoolSize(),
                Duration.ofSeconds(number(env, "PORTICO_SHUTDOWN_GRACE_SECONDS", standard.shutdownGrace().toSeconds())),
                flag(env, "PORTICO_NATIVE_TRANSPORT", standard.nativeTransport()));
        return new NodeConfig(
                env.getOrDefault("PORTICO_NODE_ID", defaultNodeId(env.get("HOSTNAME"))),
                controlPlane == null ? null : controlPlaneUri(controlPlane),
                blankToNull(env.get("PORTICO_CLUSTER_TOKEN")),
                dataDir,
                env.getOrDefault("PORTICO_EXECUTE_DOMAIN", "localhost"),
                listen,
                GatewayLimits.DEFAULT,
                tuning,
                nodeThrottle(env));
    }

    /** A node for tests: loopback, free ports, no control plane. */
    public static NodeConfig forTests(Path dataDir) {
        return new NodeConfig("test-node", null, null, dataDir, "localhost",
                new Listen("127.0.0.1", 0, 0, null), GatewayLimits.DEFAULT,
                new Tuning(2, 32, Duration.ofSeconds(5), true), null);
    }

    public NodeConfig withControlPlane(URI uri, String token) {
        return new NodeConfig(nodeId, uri, token, dataDir, executeDomain, listen, limits, tuning, nodeThrottle);
    }

    public NodeConfig withLimits(GatewayLimits newLimits) {
        return new NodeConfig(nodeId, controlPlane, clusterToken, dataDir, executeDomain, listen, newLimits, tuning,
                nodeThrottle);
    }

    public NodeConfig withNodeThrottle(Throttle throttle) {
        return new NodeConfig(nodeId, controlPlane, clusterToken, dataDir, executeDomain, listen, limits, tuning, throttle);
    }

    /** PORTICO_NODE_RATE_LIMIT and PORTICO_NODE_BURST_LIMIT: both or neither, a rate above 0 and a burst of at least 1. */
    private static Throttle nodeThrottle(Map<String, String> env) {
        String rate = blankToNull(env.get("PORTICO_NODE_RATE_LIMIT"));
        String burst = blankToNull(env.get("PORTICO_NODE_BURST_LIMIT"));
        if (rate == null && burst == null) {
            return null;
        }
        if (rate == null || burst == null) {
            throw new IllegalArgumentException("PORTICO_NODE_RATE_LIMIT and PORTICO_NODE_BURST_LIMIT go together: set both"
                    + " or neither (got only " + (rate == null ? "PORTICO_NODE_BURST_LIMIT" : "PORTICO_NODE_RATE_LIMIT") + ")");
        }
        double rateLimit;
        try {
            rateLimit = Double.parseDouble(rate.trim());
        } catch (NumberFormatException e) {
            rateLimit = Double.NaN;
        }
        if (!(rateLimit > 0) || Double.isInfinite(rateLimit)) {
            throw new IllegalArgumentException("PORTICO_NODE_RATE_LIMIT must be requests per second above 0 (e.g. 500 or 2.5),"
                    + " got \"" + rate + "\"");
        }
        long burstLimit = number(env, "PORTICO_NODE_BURST_LIMIT", 0);
        if (burstLimit < 1 || burstLimit > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("PORTICO_NODE_BURST_LIMIT must be a whole number from 1 to "
                    + Integer.MAX_VALUE + ", got " + burst);
        }
        return new Throttle(rateLimit, (int) burstLimit);
    }

    private static URI controlPlaneUri(String text) {
        URI uri = URI.create(text.trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.matches("https?|wss?") || uri.getHost() == null) {
            throw new IllegalArgumentException("PORTICO_CONTROL_PLANE must be a URL like http://127.0.0.1:8080, got " + text);
        }
        return uri;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        long value = number(env, name, fallback);
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException(name + " must be a port number (0-65535), got " + value);
        }
        return (int) value;
    }

    private static long number(Map<String, String> env, String name, long fallback, long min, long max) {
        long value = number(env, name, fallback);
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String text = blankToNull(env.get(name));
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got \"" + text + "\"");
        }
    }

    /** true or false (any case); unset or blank: the fallback. */
    private static boolean flag(Map<String, String> env, String name, boolean fallback) {
        String text = blankToNull(env.get(name));
        if (text == null) {
            return fallback;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got \"" + text + "\"");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String defaultNodeId(String hostName) {
        String host = hostName == null || hostName.isBlank() ? localHostName() : hostName;
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(ThreadLocalRandom.current().nextInt(36)));
        }
        return host.toLowerCase(Locale.ROOT) + "-" + suffix;
    }

    static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "node";
        }
    }
}
