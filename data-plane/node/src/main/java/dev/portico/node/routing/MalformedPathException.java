package dev.portico.node.routing;

/** A request path that cannot be routed safely (bad percent-escapes, dot segments, not absolute). */
public class MalformedPathException extends Exception {

    public MalformedPathException(String message) {
        super(message, null, false, false);
    }
}
