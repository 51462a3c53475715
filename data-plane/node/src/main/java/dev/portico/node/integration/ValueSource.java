package dev.portico.node.integration;

import dev.portico.node.pipeline.Exchange;

/** Where one part of a mapped value comes from, chosen when the snapshot is compiled. */
@FunctionalInterface
public interface ValueSource {

    /** The value for this request; null (or empty) when the request has none. */
    String read(Exchange exchange);
}
