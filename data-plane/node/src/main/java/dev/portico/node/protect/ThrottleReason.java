package dev.portico.node.protect;

import java.util.Locale;

/** Which limit refused a request with 429: the label of {@code portico_requests_throttled_total}. */
public enum ThrottleReason {
    /** The key's plan, for this route of this API stage (replaces the plan's own throttle). */
    PLAN_ROUTE,
    /** The key's plan: each key has a bucket of its own at the plan's rate. */
    PLAN,
    /** The route's throttle in its stage's settings (all clients together). */
    ROUTE,
    /** The stage's default throttle of each route (all clients together, per route). */
    STAGE,
    /** The node-wide bucket ({@code PORTICO_NODE_RATE_LIMIT}). */
    NODE,
    /** The plan's quota is used up ("Limit Exceeded"). */
    QUOTA;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
