package dev.portico.snapshot.fleet;

/** The node validated, compiled, stored and now serves this revision. */
public record Applied(long revision) implements FleetMessage {
}
