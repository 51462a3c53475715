package dev.portico.node.authorize;

import dev.portico.node.observe.NodeMetrics;
import dev.portico.node.pipeline.Exchange;
import dev.portico.node.pipeline.GatewayError;
import dev.portico.node.pipeline.Step;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;

/**
 * Authorization (SPEC §4), after route resolution and before the API key: a route with a JWT or
 * custom authorizer lets the request on only when its authorizer allows it, and records who was let
 * in. Refusals answer 401/403 (500 when a custom authorizer failed) and are counted by reason.
 * Routes without an authorizer pass at the cost of one field read.
 *
 * <p>A decision may complete on another event loop (a key fetch or authorizer call shared with a
 * request of that loop), so the rest of the exchange is brought back to the exchange's own loop.
 */
public final class AuthorizeStep implements Step {

    private static final CharSequence WWW_AUTHENTICATE = HttpHeaders.createOptimized("WWW-Authenticate");
    private static final CharSequence BEARER = HttpHeaders.createOptimized("Bearer");

    private final NodeMetrics metrics;

    public AuthorizeStep(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void onRequest(Exchange exchange) {
        RouteAuthorization authorization = exchange.route().authorization();
        if (authorization == null) {
            exchange.proceed();
            return;
        }
        Context context = Vertx.currentContext();
        authorization.check(exchange).onComplete(result -> {
            if (context == null || context == Vertx.currentContext()) {
                decided(exchange, authorization, result);
            } else {
                context.runOnContext(v -> decided(exchange, authorization, result));
            }
        });
    }

    private void decided(Exchange exchange, RouteAuthorization authorization, AsyncResult<Decision> result) {
        if (exchange.response().closed()) {
            return;
        }
        Decision decision = result.succeeded() ? result.result() : Decision.refuse(GatewayError.INTERNAL_ERROR);
        if (decision.allowed()) {
            exchange.authorized(decision.authorized());
            exchange.proceed();
            return;
        }
        GatewayError refusal = decision.refusal();
        exchange.route().meters(metrics).rejected(refusal);
        if (refusal.status() == 401 && authorization.bearerChallenge()) {
            exchange.response().putHeader(WWW_AUTHENTICATE, BEARER);
        }
        exchange.reject(refusal);
    }
}
