package dev.portico.snapshot.fleet;

/**
 * The node's first message.
 *
 * @param address         where the node's gateway listens, as the node sees it ("http://host:8000")
 * @param version         the node's software version
 * @param appliedRevision the revision the node serves now (from disk, or 0 when it has none)
 */
public record Hello(String nodeId, String address, String version, long appliedRevision) implements FleetMessage {
}
