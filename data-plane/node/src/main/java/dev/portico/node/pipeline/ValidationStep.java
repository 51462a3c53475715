package dev.portico.node.pipeline;

import dev.portico.node.observe.NodeMetrics;
import dev.portico.node.validate.BodySchema;
import dev.portico.node.validate.RequestParameters;
import dev.portico.node.validate.RouteValidation;
import io.vertx.core.buffer.Buffer;

import java.util.List;

/**
 * Request validation (SPEC §4): the route's required parameters must be present and non-empty
 * (else 400 {@code Missing required request parameters}), and when the route has a body model the
 * body is read whole, must be JSON and must satisfy the model's schema (else 400 {@code Invalid
 * request body}); both answers list what was wrong in {@code errors}. A body that passes is kept on
 * the exchange ({@link Exchange#bufferedBody()}) for the integration to send. Routes without
 * validation pass at the cost of one field read, and their bodies keep streaming.
 */
final class ValidationStep implements Step {

    private static final System.Logger LOG = System.getLogger(ValidationStep.class.getName());

    private final NodeMetrics metrics;

    ValidationStep(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void onRequest(Exchange exchange) {
        RouteValidation validation = exchange.route().validation();
        if (validation == null) {
            exchange.proceed();
            return;
        }
        List<String> missing = validation.missingParameters(new ExchangeParameters(exchange));
        if (!missing.isEmpty()) {
            refuse(exchange, GatewayError.BAD_REQUEST_PARAMETERS, missing);
            return;
        }
        BodySchema schema = validation.body();
        if (schema == null) {
            passed(exchange);
            return;
        }
        BodyBuffer.read(exchange, body -> checkBody(exchange, schema, body), () -> {
            exchange.route().meters(metrics).rejected(GatewayError.BODY_TOO_LARGE);
            exchange.reject(GatewayError.BODY_TOO_LARGE);
        });
    }

    /** Runs in the request's end handler, outside the pipeline's guard: a failure must still answer. */
    private void checkBody(Exchange exchange, BodySchema schema, Buffer body) {
        List<String> errors;
        try {
            errors = schema.errors(body);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "validating the body of " + exchange.requestId() + " against model "
                    + schema.model() + " failed", e);
            exchange.reject(GatewayError.INTERNAL_ERROR);
            return;
        }
        if (!errors.isEmpty()) {
            refuse(exchange, GatewayError.BAD_REQUEST_BODY, errors);
            return;
        }
        exchange.bufferedBody(body);
        passed(exchange);
    }

    private void passed(Exchange exchange) {
        exchange.route().meters(metrics).validated();
        exchange.proceed();
    }

    private void refuse(Exchange exchange, GatewayError reason, List<String> errors) {
        exchange.route().meters(metrics).rejected(reason);
        exchange.reject(reason, errors);
    }

    /** The request's parameters, read only when a check asks for them. */
    private record ExchangeParameters(Exchange exchange) implements RequestParameters {

        @Override
        public List<String> query(String name) {
            return exchange.request().params().getAll(name);
        }

        @Override
        public List<String> header(String name) {
            return exchange.request().headers().getAll(name);
        }

        @Override
        public String path(int index) {
            return exchange.pathParameters().value(index);
        }
    }
}
