package dev.portico.cp.revision;

/**
 * A CDI event: this revision (or a later one) is committed. Fired by {@link RevisionListener} for
 * every change made through any control-plane replica, and periodically as a safety net, so an
 * observer must treat a revision it already handled as a no-op.
 */
public record RevisionCommitted(long revision) {
}
