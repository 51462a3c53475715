package dev.portico.snapshot;

/** A route key that does not follow the grammar of {@link RouteKey}; the message says why. */
public class InvalidRouteKeyException extends IllegalArgumentException {

    public InvalidRouteKeyException(String message) {
        super(message);
    }
}
