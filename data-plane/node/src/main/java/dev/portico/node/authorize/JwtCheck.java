package dev.portico.node.authorize;

import dev.portico.node.pipeline.Exchange;
import dev.portico.node.pipeline.GatewayError;
import io.vertx.core.Future;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtContext;

import java.util.Set;

/**
 * A JWT route compiled for one stage: where the token is, who verifies it, which scopes the route
 * wants, and the issuer's (node-lifetime) key set. Missing token: 401 at once; keys unavailable: 401
 * {@code JWKS_UNAVAILABLE}.
 */
final class JwtCheck implements RouteAuthorization {

    private static final Future<Decision> MISSING = Future.succeededFuture(Decision.refuse(GatewayError.JWT_MISSING));
    private static final Future<Decision> INVALID = Future.succeededFuture(Decision.refuse(GatewayError.JWT_INVALID));
    private static final Decision UNAVAILABLE = Decision.refuse(GatewayError.JWKS_UNAVAILABLE);

    private final IdentitySource identitySource;
    private final RouteContext route;
    private final TokenVerifier verifier;
    private final KeySet keys;
    private final Set<String> scopes;

    JwtCheck(IdentitySource identitySource, RouteContext route, TokenVerifier verifier, KeySet keys, Set<String> scopes) {
        this.identitySource = identitySource;
        this.route = route;
        this.verifier = verifier;
        this.keys = keys;
        this.scopes = Set.copyOf(scopes);
    }

    @Override
    public Future<Decision> check(Exchange exchange) {
        String raw = BearerToken.of(identitySource.valueIn(exchange));
        if (raw == null) {
            return MISSING;
        }
        JwtContext token = TokenVerifier.read(raw);
        if (token == null) {
            return INVALID;
        }
        return keys.keysFor(TokenVerifier.keyId(token)).transform(found -> Future.succeededFuture(found.succeeded()
                ? verifier.verify(token, found.result(), scopes, NumericDate.now())
                : UNAVAILABLE));
    }

    @Override
    public boolean bearerChallenge() {
        return true;
    }
}
