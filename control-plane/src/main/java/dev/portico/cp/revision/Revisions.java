package dev.portico.cp.revision;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's revision: one number that grows with every change of live configuration (deploy,
 * rollback, stage settings, …). Nodes report the revision they serve.
 *
 * <p>SEAM (platform helper implements): {@link #bump()} runs inside the caller's transaction, so the
 * new revision becomes visible — and nodes are told (PostgreSQL NOTIFY, delivered on commit) —
 * exactly when the change itself commits.
 */
@ApplicationScoped
public class Revisions {

    /** Increments the revision inside the current transaction and returns the new value. */
    public long bump() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The committed revision. */
    public long current() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
