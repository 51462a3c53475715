package dev.portico.node.authorize;

import dev.portico.node.pipeline.Exchange;
import dev.portico.node.pipeline.GatewayError;
import dev.portico.snapshot.CustomAuthorizer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.List;

/**
 * A route with a custom authorizer, compiled for one stage. Every identity source must have a value,
 * else 401 without a call; then the cached answer for those values, or a POST of the authorizer
 * event within {@code timeoutMillis}. Unreachable, late, non-2xx or nonsense: 500, never cached.
 */
final class CustomCheck implements RouteAuthorization {

    private static final System.Logger LOG = System.getLogger(CustomCheck.class.getName());
    private static final Future<Decision> IDENTITY_MISSING =
            Future.succeededFuture(Decision.refuse(GatewayError.CUSTOM_IDENTITY_MISSING));
    private static final Decision FAILED = Decision.refuse(GatewayError.CUSTOM_AUTHORIZER_FAILED);

    private final CustomAuthorizer authorizer;
    private final String cacheName;
    private final List<IdentitySource> identitySources;
    private final RouteContext route;
    private final AuthorizerClient client;
    private final DecisionCache cache;

    CustomCheck(CustomAuthorizer authorizer, List<IdentitySource> identitySources, RouteContext route,
                AuthorizerClient client, DecisionCache cache) {
        this.authorizer = authorizer;
        this.cacheName = authorizer.id() + " " + authorizer.uri() + " " + authorizer.enableSimpleResponses();
        this.identitySources = List.copyOf(identitySources);
        this.route = route;
        this.client = client;
        this.cache = cache;
    }

    @Override
    public Future<Decision> check(Exchange exchange) {
        List<String> identity = new ArrayList<>(identitySources.size());
        for (IdentitySource source : identitySources) {
            String value = source.valueIn(exchange);
            if (value == null || value.isEmpty()) {
                return IDENTITY_MISSING;
            }
            identity.add(value);
        }
        return cache.get(new DecisionCache.Key(cacheName, identity), authorizer.resultTtlSeconds(),
                () -> call(exchange, identity))
                .recover(e -> Future.succeededFuture(FAILED));
    }

    private Future<Decision> call(Exchange exchange, List<String> identity) {
        Buffer event = AuthorizerEvent.of(exchange, route, identity).toBuffer();
        return client.post(authorizer.uri(), event, authorizer.timeoutMillis())
                .map(answer -> {
                    if (!answer.ok()) {
                        throw new IllegalStateException("answered " + answer.status());
                    }
                    return AuthorizerAnswer.read(answer.body(), authorizer.enableSimpleResponses());
                })
                .onFailure(e -> LOG.log(System.Logger.Level.DEBUG, "custom authorizer " + authorizer.id()
                        + " failed for " + exchange.requestId() + ": " + e));
    }

    @Override
    public boolean bearerChallenge() {
        return false;
    }
}
