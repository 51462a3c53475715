package dev.portico.node.integration;

import dev.portico.node.pipeline.Exchange;
import dev.portico.node.pipeline.GatewayError;

/** A route deployed without an integration: there is nothing to call, so the route answers 404. */
public record MissingIntegration() implements IntegrationTarget {

    @Override
    public void invoke(Exchange exchange) {
        exchange.reject(GatewayError.NO_INTEGRATION);
    }
}
