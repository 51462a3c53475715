package dev.portico.cp.api;

/**
 * Fired synchronously, inside the transaction, just before an API and everything it owns are
 * deleted: the deployment side observes it to tell nodes when live stages go away.
 */
public record ApiDeletion(String apiId) {
}
