package dev.portico.snapshot;

/**
 * A token bucket: {@code rateLimit} requests per second on average, bursts of up to
 * {@code burstLimit} at once.
 */
public record Throttle(double rateLimit, int burstLimit) {
}
