package dev.portico.node.pipeline;

import java.time.Duration;

/**
 * What the gateway accepts from clients.
 *
 * @param maxInitialLineBytes request line limit (414 above it)
 * @param maxHeaderBytes      header block limit (431 above it)
 * @param maxBodyBytes        request body limit (413 above it)
 * @param idleTimeout         a connection with no traffic for this long is closed
 */
public record GatewayLimits(int maxInitialLineBytes, int maxHeaderBytes, long maxBodyBytes, Duration idleTimeout) {

    public static final GatewayLimits DEFAULT =
            new GatewayLimits(8 * 1024, 16 * 1024, 10L * 1024 * 1024, Duration.ofSeconds(60));

    public GatewayLimits withMaxBodyBytes(long bytes) {
        return new GatewayLimits(maxInitialLineBytes, maxHeaderBytes, bytes, idleTimeout);
    }

    public GatewayLimits withIdleTimeout(Duration timeout) {
        return new GatewayLimits(maxInitialLineBytes, maxHeaderBytes, maxBodyBytes, timeout);
    }
}
