package dev.portico.snapshot;

/** How a route authorizes callers. */
public enum AuthorizationType {
    NONE, JWT, CUSTOM
}
