package dev.portico.node.protect;

/**
 * The bucket of one route of one stage, shared by every client, and whether it comes from the
 * route's own setting or from the stage default.
 *
 * @param reason {@link ThrottleReason#ROUTE} or {@link ThrottleReason#STAGE}
 */
public record RouteThrottle(TokenBucket bucket, ThrottleReason reason) {
}
