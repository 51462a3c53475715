package dev.portico.node.authorize;

import dev.portico.node.pipeline.GatewayError;
import io.vertx.core.Future;
import org.jose4j.jwk.JsonWebKey;

import java.util.List;
import java.util.Set;

/**
 * What verifying a token produced, kept so the same token need not be verified again: who it lets
 * in, the scopes it grants, its lifetime and the keys (the key set's generation) that verified it.
 * Routes differ in scopes, so the scopes are checked on every use. Immutable.
 *
 * @param keyId      the {@code kid} of the token's header, or null
 * @param expiresAt  {@code exp}, epoch seconds
 * @param notBefore  {@code nbf}, epoch seconds, or {@link Long#MIN_VALUE} without one
 * @param keys       the issuer's keys that verified it, compared by identity
 */
record VerifiedToken(Authorized authorized, Set<String> scopes, long expiresAt, long notBefore, String keyId,
                     List<JsonWebKey> keys, Future<Decision> allowed) {

    private static final Future<Decision> SCOPE_MISSING = Future.succeededFuture(Decision.refuse(GatewayError.SCOPE_MISSING));

    VerifiedToken(Authorized authorized, Set<String> scopes, long expiresAt, long notBefore, String keyId,
                  List<JsonWebKey> keys) {
        this(authorized, Set.copyOf(scopes), expiresAt, notBefore, keyId, keys,
                Future.succeededFuture(Decision.allow(authorized)));
    }

    /** jose4j's rule: {@code now - skew < exp} and {@code now + skew >= nbf}. */
    boolean validAt(long nowSeconds) {
        return nowSeconds - TokenVerifier.CLOCK_SKEW_SECONDS < expiresAt
                && (notBefore == Long.MIN_VALUE || nowSeconds + TokenVerifier.CLOCK_SKEW_SECONDS >= notBefore);
    }

    /** The answer for a route wanting one of {@code wanted} (empty: none needed); allocates nothing. */
    Future<Decision> decide(Set<String> wanted) {
        if (wanted.isEmpty()) {
            return allowed;
        }
        for (String scope : wanted) {
            if (scopes.contains(scope)) {
                return allowed;
            }
        }
        return SCOPE_MISSING;
    }
}
