package dev.portico.node.pipeline;

/** Marks a request whose body length the decoder could read two ways (Content-Length and chunked). */
public final class AmbiguousFramingException extends IllegalArgumentException {

    public AmbiguousFramingException() {
        super("both Content-Length and Transfer-Encoding: chunked", null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
