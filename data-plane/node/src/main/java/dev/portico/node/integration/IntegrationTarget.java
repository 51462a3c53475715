package dev.portico.node.integration;

import dev.portico.node.pipeline.Exchange;

/** A route's integration compiled for its stage: everything it needs is resolved before the first request. */
public sealed interface IntegrationTarget permits ProxyTarget, FunctionTarget, MockTarget, MissingIntegration {

    /** Answers the exchange: streams the backend's response, or the function's result, or the mock, or an error. */
    void invoke(Exchange exchange);
}
