package dev.portico.snapshot.fleet;

import dev.portico.snapshot.Snapshot;

/** The whole gateway configuration at one revision. */
public record SnapshotPush(Snapshot snapshot) implements FleetMessage {
}
