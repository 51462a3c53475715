package dev.portico.snapshot.fleet;

/**
 * Sent every {@link FleetMessage#HEARTBEAT_INTERVAL_MILLIS}.
 *
 * @param appliedRevision the revision being served
 * @param requestsServed  requests answered since the node started
 * @param traffic         what those requests were, counted since the node started; null from nodes
 *                        older than schema 1.1's traffic counters
 */
public record Heartbeat(long appliedRevision, long requestsServed, Traffic traffic) implements FleetMessage {

    /** A heartbeat without traffic counters. */
    public Heartbeat(long appliedRevision, long requestsServed) {
        this(appliedRevision, requestsServed, null);
    }
}
