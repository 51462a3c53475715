package dev.portico.node.protect;

import java.util.Locale;

/** Why a route that requires an API key refused a request with 403: the label of {@code portico_requests_rejected_total}. */
public enum KeyRejection {
    /** No {@code x-api-key} header, or an empty one. */
    MISSING,
    /** No key has this value. */
    UNKNOWN,
    DISABLED,
    /** The key exists and is enabled, but none of its plans covers this API stage. */
    NO_PLAN;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
