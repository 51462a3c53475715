package dev.portico.node.pipeline;

/**
 * Calls the matched route's integration, which answers the request (HTTP_PROXY streams, MOCK answers)
 * and applies its response parameter mapping before the head goes out.
 */
final class IntegrationStep implements Step {

    @Override
    public void onRequest(Exchange exchange) {
        exchange.route().integration().invoke(exchange);
    }
}
