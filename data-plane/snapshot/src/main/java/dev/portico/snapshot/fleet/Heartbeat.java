package dev.portico.snapshot.fleet;

/**
 * Sent every {@link FleetMessage#HEARTBEAT_INTERVAL_MILLIS}.
 *
 * @param appliedRevision the revision being served
 * @param requestsServed  requests answered since the node started
 */
public record Heartbeat(long appliedRevision, long requestsServed) implements FleetMessage {
}
