package dev.portico.node.authorize;

import dev.portico.node.pipeline.Exchange;
import io.vertx.core.Future;

/**
 * A route's authorizer compiled for one stage: immutable, built when the snapshot is applied. The
 * caches it reads (keys, earlier answers) belong to {@link Authorizers} and outlive snapshots.
 */
public interface RouteAuthorization {

    /** Decides on the exchange's request; never blocks, and never fails (a failure is a refusal). */
    Future<Decision> check(Exchange exchange);

    /** Whether a 401 from this authorizer carries {@code WWW-Authenticate: Bearer} (JWT routes). */
    boolean bearerChallenge();
}
