package dev.portico.node.authorize;

import dev.portico.node.pipeline.Exchange;
import dev.portico.node.pipeline.GatewayError;
import io.vertx.core.Future;

import java.util.Set;

/**
 * A JWT route compiled for one stage: where the token is, which scopes the route wants, and the
 * authorizer's (node-lifetime) verification, shared by every route using it. Missing token: 401 at
 * once; keys unavailable: 401 {@code JWKS_UNAVAILABLE}.
 */
final class JwtCheck implements RouteAuthorization {

    private static final Future<Decision> MISSING = Future.succeededFuture(Decision.refuse(GatewayError.JWT_MISSING));

    private final IdentitySource identitySource;
    private final JwtVerification verification;
    private final Set<String> scopes;

    JwtCheck(IdentitySource identitySource, JwtVerification verification, Set<String> scopes) {
        this.identitySource = identitySource;
        this.verification = verification;
        this.scopes = Set.copyOf(scopes);
    }

    @Override
    public Future<Decision> check(Exchange exchange) {
        String raw = BearerToken.of(identitySource.valueIn(exchange));
        if (raw == null) {
            return MISSING;
        }
        return verification.decide(raw, scopes);
    }

    @Override
    public boolean bearerChallenge() {
        return true;
    }
}
