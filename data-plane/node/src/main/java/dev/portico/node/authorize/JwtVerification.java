package dev.portico.node.authorize;

import dev.portico.node.pipeline.GatewayError;
import io.vertx.core.Future;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwt.consumer.JwtContext;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One JWT authorizer (issuer, audiences, key set) for every route and snapshot that uses it: decides
 * on a token, answering from {@link VerifiedTokens} when the same token was verified before by the
 * keys still in use, and verifying it otherwise. A hit costs a map lookup, the lifetime check and the
 * route's scopes; it allocates nothing.
 */
final class JwtVerification {

    private static final Future<Decision> INVALID = Future.succeededFuture(Decision.refuse(GatewayError.JWT_INVALID));
    private static final Future<Decision> UNAVAILABLE = Future.succeededFuture(Decision.refuse(GatewayError.JWKS_UNAVAILABLE));

    private final TokenVerifier verifier;
    private final Function<String, Future<List<JsonWebKey>>> keys;
    private final VerifiedTokens verified;
    private final LongSupplier epochSeconds;
    private final LongAdder signatureChecks = new LongAdder();

    JwtVerification(TokenVerifier verifier, KeySet keys) {
        this(verifier, keys::keysFor, new VerifiedTokens(), () -> System.currentTimeMillis() / 1000);
    }

    /** @param keys the issuer's keys for a key id (null: none named), as {@link KeySet#keysFor} hands them out */
    JwtVerification(TokenVerifier verifier, Function<String, Future<List<JsonWebKey>>> keys, VerifiedTokens verified,
                    LongSupplier epochSeconds) {
        this.verifier = verifier;
        this.keys = keys;
        this.verified = verified;
        this.epochSeconds = epochSeconds;
    }

    /** @param scopes the route's scopes, one of which the token must carry (empty: none needed) */
    Future<Decision> decide(String token, Set<String> scopes) {
        VerifiedToken known = verified.get(token, epochSeconds.getAsLong());
        if (known == null) {
            return verify(token, scopes);
        }
        Future<List<JsonWebKey>> current = keys.apply(known.keyId());
        if (current.succeeded() && current.result() == known.keys()) {
            return known.decide(scopes);
        }
        // The keys are being fetched, or changed since (a key may have been retired): ask them again.
        return current.transform(found -> {
            if (found.succeeded() && found.result() == known.keys()) {
                return known.decide(scopes);
            }
            verified.forget(token, known);
            return verify(token, scopes);
        });
    }

    private Future<Decision> verify(String raw, Set<String> scopes) {
        JwtContext token = TokenVerifier.read(raw);
        if (token == null) {
            return INVALID;
        }
        return keys.apply(TokenVerifier.keyId(token)).transform(found -> {
            if (found.failed()) {
                return UNAVAILABLE;
            }
            signatureChecks.increment();
            VerifiedToken made = verifier.verified(token, found.result(), epochSeconds.getAsLong());
            if (made == null) {
                return INVALID;
            }
            verified.put(raw, made);
            return made.decide(scopes);
        });
    }

    /** How many tokens were verified (signature and claims) rather than found among the verified. */
    long signatureChecks() {
        return signatureChecks.sum();
    }
}
