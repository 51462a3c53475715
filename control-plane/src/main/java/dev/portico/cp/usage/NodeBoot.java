package dev.portico.cp.usage;

/** One run of a node: the node's id and the random boot id it reports usage under. */
public record NodeBoot(String nodeId, String bootId) {
}
