package dev.portico.node.authorize;

import dev.portico.node.pipeline.GatewayError;
import dev.portico.node.testing.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static dev.portico.node.testing.Tokens.claims;
import static dev.portico.node.testing.Tokens.sign;
import static org.assertj.core.api.Assertions.assertThat;

class JwtVerificationTest {

    private static final String ISSUER = "https://issuer.example.com/realms/shop";
    private static final PublicJsonWebKey RSA = Tokens.rsaKey("rsa-1");
    private static final PublicJsonWebKey EC = Tokens.ecKey("ec-1");

    private final long start = System.currentTimeMillis() / 1000;
    private final AtomicLong clock = new AtomicLong(start);
    private final AtomicReference<Future<List<JsonWebKey>>> keys = new AtomicReference<>(Future.succeededFuture(List.of(RSA, EC)));
    private final VerifiedTokens verified = new VerifiedTokens();
    private final JwtVerification verification = new JwtVerification(new TokenVerifier(ISSUER, List.of(Tokens.AUDIENCE)),
            keyId -> keys.get(), verified, clock::get);

    private Decision decide(String token, Set<String> scopes) {
        Future<Decision> decision = verification.decide(token, scopes);
        assertThat(decision.succeeded()).as("decided at once").isTrue();
        return decision.result();
    }

    private Decision decide(String token) {
        return decide(token, Set.of());
    }

    private static String tokenFor(String subject, long expiresAt) {
        JwtClaims claims = claims(ISSUER, subject);
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt));
        claims.setClaim("scope", "orders:read profile");
        return sign(RSA, claims);
    }

    @Test
    void aTokenVerifiedOnceIsAnsweredWithoutVerifyingItAgain() {
        String token = tokenFor("alice", start + 300);
        Decision first = decide(token);
        assertThat(first.allowed()).isTrue();
        assertThat(first.authorized().principal()).isEqualTo("alice");
        for (int i = 0; i < 5; i++) {
            Decision again = decide(new String(token.toCharArray()));
            assertThat(again.authorized()).isEqualTo(first.authorized());
        }
        assertThat(verification.signatureChecks()).isEqualTo(1);
        assertThat(decide(tokenFor("bob", start + 300)).authorized().principal()).isEqualTo("bob");
        assertThat(verification.signatureChecks()).as("another token is verified").isEqualTo(2);
    }

    @Test
    void eachRouteScopesAreCheckedOnEveryHit() {
        String token = tokenFor("alice", start + 300);
        assertThat(decide(token, Set.of()).allowed()).isTrue();
        assertThat(decide(token, Set.of("orders:write")).refusal()).isEqualTo(GatewayError.SCOPE_MISSING);
        assertThat(decide(token, Set.of("orders:write", "orders:read")).allowed()).isTrue();
        assertThat(verification.signatureChecks()).isEqualTo(1);

        String other = tokenFor("carol", start + 300);
        assertThat(decide(other, Set.of("admin")).refusal()).as("verified, but not for this route")
                .isEqualTo(GatewayError.SCOPE_MISSING);
        assertThat(decide(other, Set.of("profile")).allowed()).isTrue();
        assertThat(verification.signatureChecks()).isEqualTo(2);
    }

    @Test
    void aKnownTokenIsRefusedOnceExpiredPastTheSkew() {
        String token = tokenFor("alice", start + 10);
        assertThat(decide(token).allowed()).isTrue();
        clock.set(start + 10 + TokenVerifier.CLOCK_SKEW_SECONDS - 1);
        assertThat(decide(token).allowed()).as("expired, within the skew").isTrue();
        assertThat(verification.signatureChecks()).isEqualTo(1);

        clock.set(start + 10 + TokenVerifier.CLOCK_SKEW_SECONDS);
        assertThat(decide(token).refusal()).isEqualTo(GatewayError.JWT_INVALID);
        assertThat(verified.size()).as("dropped, and the refusal not kept").isZero();
        assertThat(decide(token).refusal()).isEqualTo(GatewayError.JWT_INVALID);
    }

    @Test
    void aTokenNotYetValidIsNotKeptUntilItIs() {
        JwtClaims claims = claims(ISSUER, "early");
        claims.setNotBefore(NumericDate.fromSeconds(start + 120));
        String token = sign(RSA, claims);
        assertThat(decide(token).refusal()).isEqualTo(GatewayError.JWT_INVALID);
        assertThat(verified.size()).isZero();
        clock.set(start + 120 - TokenVerifier.CLOCK_SKEW_SECONDS);
        assertThat(decide(token).allowed()).isTrue();
        assertThat(decide(token).allowed()).isTrue();
        assertThat(verification.signatureChecks()).as("refused once, then verified once").isEqualTo(2);

        clock.set(start + 120 - TokenVerifier.CLOCK_SKEW_SECONDS - 1);
        assertThat(decide(token).refusal()).as("a clock that went back").isEqualTo(GatewayError.JWT_INVALID);
    }

    @Test
    void anotherKeySetGenerationVerifiesAgainAndARetiredKeyIsRefused() {
        String token = tokenFor("alice", start + 300);
        assertThat(decide(token).allowed()).isTrue();

        keys.set(Future.succeededFuture(List.of(RSA, EC)));
        assertThat(decide(token).allowed()).isTrue();
        assertThat(verification.signatureChecks()).as("a new generation, even with the same keys").isEqualTo(2);
        assertThat(decide(token).allowed()).isTrue();
        assertThat(verification.signatureChecks()).isEqualTo(2);

        keys.set(Future.succeededFuture(List.of(EC)));
        assertThat(decide(token).refusal()).as("its key retired").isEqualTo(GatewayError.JWT_INVALID);
        assertThat(verified.size()).isZero();
        assertThat(verification.signatureChecks()).isEqualTo(3);
    }

    @Test
    void aHitWaitsForKeysBeingFetched() {
        String token = tokenFor("alice", start + 300);
        List<JsonWebKey> known = List.of(RSA);
        keys.set(Future.succeededFuture(known));
        assertThat(decide(token).allowed()).isTrue();

        Promise<List<JsonWebKey>> fetching = Promise.promise();
        keys.set(fetching.future());
        Future<Decision> pending = verification.decide(token, Set.of());
        assertThat(pending.isComplete()).isFalse();
        keys.set(Future.succeededFuture(known));
        fetching.complete(known);
        assertThat(pending.result().allowed()).isTrue();
        assertThat(verification.signatureChecks()).as("the same keys came back").isEqualTo(1);

        Promise<List<JsonWebKey>> rotating = Promise.promise();
        keys.set(rotating.future());
        Future<Decision> refused = verification.decide(token, Set.of());
        keys.set(Future.succeededFuture(List.of(EC)));
        rotating.complete(List.of(EC));
        assertThat(refused.result().refusal()).isEqualTo(GatewayError.JWT_INVALID);
    }

    @Test
    void refusalsAreNeverKept() {
        assertThat(decide("garbage").refusal()).isEqualTo(GatewayError.JWT_INVALID);
        assertThat(decide(sign(Tokens.rsaKey("rsa-1"), claims(ISSUER, "impostor"))).refusal()).isEqualTo(GatewayError.JWT_INVALID);
        assertThat(decide(sign(RSA, claims("https://evil.example.com", "eve"))).refusal()).isEqualTo(GatewayError.JWT_INVALID);
        assertThat(verified.size()).isZero();

        keys.set(Future.failedFuture("issuer down"));
        assertThat(decide(tokenFor("alice", start + 300)).refusal()).isEqualTo(GatewayError.JWKS_UNAVAILABLE);
        assertThat(verified.size()).isZero();
    }

    @Test
    void theCacheIsBounded() {
        VerifiedTokens small = new VerifiedTokens(3);
        VerifiedToken entry = new VerifiedToken(Authorized.ANONYMOUS, Set.of(), start + 300, Long.MIN_VALUE, null, List.of());
        for (int i = 0; i < 10; i++) {
            small.put("token-" + i, entry);
            assertThat(small.size()).isLessThanOrEqualTo(3);
        }
        assertThat(small.get("token-9", start)).as("the newest is kept").isSameAs(entry);
    }
}
