package dev.portico.cp.snapshot;

import dev.portico.snapshot.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the live configuration from the database and compiles it into the snapshot nodes serve.
 *
 * <p>SEAM (domain helper implements): the fleet hub calls {@link #current()} on every revision change
 * and pushes the result to every node.
 */
@ApplicationScoped
public class SnapshotSource {

    /** The snapshot of the current committed revision. */
    public Snapshot current() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
