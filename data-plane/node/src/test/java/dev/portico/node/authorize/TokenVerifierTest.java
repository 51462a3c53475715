package dev.portico.node.authorize;

import dev.portico.node.pipeline.GatewayError;
import dev.portico.node.testing.Tokens;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.portico.node.testing.Tokens.claims;
import static dev.portico.node.testing.Tokens.secondsFromNow;
import static dev.portico.node.testing.Tokens.sign;
import static org.assertj.core.api.Assertions.assertThat;

class TokenVerifierTest {

    private static final String ISSUER = "https://issuer.example.com/realms/shop";
    private static final PublicJsonWebKey RSA = Tokens.rsaKey("rsa-1");
    private static final PublicJsonWebKey EC = Tokens.ecKey("ec-1");
    private static final List<JsonWebKey> KEYS = List.of(RSA, EC);

    private final TokenVerifier verifier = new TokenVerifier(ISSUER, List.of("orders-api", "other-api"));

    private Decision verify(String token) {
        return verify(token, Set.of());
    }

    private Decision verify(String token, Set<String> scopes) {
        return verifier.verify(TokenVerifier.read(token), KEYS, scopes, NumericDate.now());
    }

    private static void assertRefused(Decision decision, GatewayError reason) {
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.refusal()).isEqualTo(reason);
    }

    @Test
    void rsaAndEcSignedTokensOfTheIssuerAreAccepted() {
        JwtClaims claims = claims(ISSUER, "user-7");
        claims.setClaim("tenant", "acme");
        claims.setClaim("roles", List.of("a", "b"));
        Decision rsa = verify(sign(RSA, claims));
        assertThat(rsa.allowed()).isTrue();
        assertThat(rsa.authorized().principal()).isEqualTo("user-7");
        assertThat(rsa.authorized().claims()).containsEntry("sub", "user-7").containsEntry("tenant", "acme")
                .containsEntry("roles", "[\"a\",\"b\"]").containsEntry("aud", "orders-api")
                .containsEntry("exp", String.valueOf(claims.getClaimValue("exp")));

        assertThat(verify(sign(EC, claims)).allowed()).isTrue();
        for (String alg : List.of(AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512,
                AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.RSA_PSS_USING_SHA512)) {
            assertThat(verify(sign(RSA, alg, claims)).allowed()).as(alg).isTrue();
        }
    }

    @Test
    void aTokenWithoutKeyIdFindsItsKeyBySignature() {
        PublicJsonWebKey unnamed = Tokens.rsaKey(null);
        Decision decision = verifier.verify(TokenVerifier.read(sign(unnamed, claims(ISSUER, "u"))),
                List.of(RSA, unnamed), Set.of(), NumericDate.now());
        assertThat(decision.allowed()).isTrue();
    }

    @Test
    void theWrongIssuerOrAudienceIsRefused() {
        assertRefused(verify(sign(RSA, claims("https://evil.example.com", "u"))), GatewayError.JWT_INVALID);
        JwtClaims otherAudience = claims(ISSUER, "u");
        otherAudience.setAudience("someone-else");
        assertRefused(verify(sign(RSA, otherAudience)), GatewayError.JWT_INVALID);
        JwtClaims several = claims(ISSUER, "u");
        several.setAudience("someone-else", "other-api");
        assertThat(verify(sign(RSA, several)).allowed()).as("aud array naming one of ours").isTrue();
        JwtClaims clientOnly = claims(ISSUER, "u");
        clientOnly.unsetClaim("aud");
        clientOnly.setClaim("client_id", "orders-api");
        assertThat(verify(sign(RSA, clientOnly)).allowed()).as("no aud: client_id").isTrue();
        clientOnly.setClaim("client_id", "nobody");
        assertRefused(verify(sign(RSA, clientOnly)), GatewayError.JWT_INVALID);
    }

    @Test
    void expiryAndNotBeforeAllowSixtySecondsOfSkew() {
        JwtClaims expired = claims(ISSUER, "u");
        expired.setIssuedAt(secondsFromNow(-600));
        expired.setExpirationTime(secondsFromNow(-90));
        assertRefused(verify(sign(RSA, expired)), GatewayError.JWT_INVALID);
        expired.setExpirationTime(secondsFromNow(-30));
        assertThat(verify(sign(RSA, expired)).allowed()).as("expired 30 s ago: within the skew").isTrue();

        JwtClaims early = claims(ISSUER, "u");
        early.setNotBefore(secondsFromNow(120));
        assertRefused(verify(sign(RSA, early)), GatewayError.JWT_INVALID);
        early.setNotBefore(secondsFromNow(30));
        assertThat(verify(sign(RSA, early)).allowed()).isTrue();

        JwtClaims forever = claims(ISSUER, "u");
        forever.unsetClaim("exp");
        assertRefused(verify(sign(RSA, forever)), GatewayError.JWT_INVALID);
    }

    @Test
    void algNoneIsRefused() throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(ISSUER, "u").toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setKeyIdHeaderValue("rsa-1");
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        String token = jws.getCompactSerialization();

        assertThat(TokenVerifier.read(token)).as("readable, so it reaches the verifier").isNotNull();
        assertRefused(verify(token), GatewayError.JWT_INVALID);
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(ISSUER, "u").toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue("rsa-1");
        jws.setKey(new HmacKey(RSA.getPublicKey().getEncoded()));
        jws.setDoKeyValidation(false);
        assertRefused(verify(jws.getCompactSerialization()), GatewayError.JWT_INVALID);

        jws.setKey(new HmacKey(RSA.toJson().getBytes()));
        assertRefused(verify(jws.getCompactSerialization()), GatewayError.JWT_INVALID);
    }

    @Test
    void aSignatureByAnotherKeyUnderAKnownKeyIdIsRefused() {
        PublicJsonWebKey impostor = Tokens.rsaKey("rsa-1");
        assertRefused(verify(sign(impostor, claims(ISSUER, "u"))), GatewayError.JWT_INVALID);
        PublicJsonWebKey unknown = Tokens.rsaKey("rsa-unknown");
        assertRefused(verify(sign(unknown, claims(ISSUER, "u"))), GatewayError.JWT_INVALID);
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String token = sign(RSA, claims(ISSUER, "u"));
        String[] parts = token.split("\\.");
        JwtClaims other = claims(ISSUER, "admin");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(other.toJson().getBytes()) + "." + parts[2];
        assertRefused(verify(forged), GatewayError.JWT_INVALID);
    }

    @Test
    void eachCallIsCheckedWithItsOwnKeysAndTime() {
        String token = sign(RSA, claims(ISSUER, "u"));
        NumericDate now = NumericDate.now();
        assertThat(verifier.verify(TokenVerifier.read(token), KEYS, Set.of(), now).allowed()).isTrue();
        assertRefused(verifier.verify(TokenVerifier.read(token), List.of(EC), Set.of(), now), GatewayError.JWT_INVALID);
        assertThat(verifier.verify(TokenVerifier.read(token), KEYS, Set.of(), now).allowed()).isTrue();
        NumericDate later = NumericDate.fromSeconds(now.getValue() + 3600);
        assertRefused(verifier.verify(TokenVerifier.read(token), KEYS, Set.of(), later), GatewayError.JWT_INVALID);
    }

    @Test
    void aRefetchOfTheSameKeysIsTheSameGeneration() {
        List<JsonWebKey> again = List.of(publicOnly(RSA), publicOnly(EC));
        assertThat(KeySet.sameKeys(KEYS, again)).isTrue();
        assertThat(KeySet.sameKeys(KEYS, List.of(publicOnly(RSA)))).isFalse();
        assertThat(KeySet.sameKeys(KEYS, List.of(publicOnly(EC), publicOnly(RSA)))).isFalse();
        assertThat(KeySet.sameKeys(List.of(RSA), List.of(Tokens.rsaKey("rsa-1")))).as("another key, same kid").isFalse();
    }

    /** The key as a JWKS fetch would give it: a new object, public parts only. */
    private static JsonWebKey publicOnly(PublicJsonWebKey key) {
        try {
            return JsonWebKey.Factory.newJwk(key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void garbageIsNotAToken() {
        assertThat(TokenVerifier.read("garbage")).isNull();
        assertThat(TokenVerifier.read("a.b.c")).isNull();
        assertThat(TokenVerifier.read("")).isNull();
    }

    @Test
    void theRouteScopesNeedOneInScopeOrScp() {
        Set<String> wanted = Set.of("orders:read", "orders:admin");
        JwtClaims scope = claims(ISSUER, "u");
        scope.setClaim("scope", "profile orders:read email");
        assertThat(verify(sign(RSA, scope), wanted).allowed()).isTrue();
        JwtClaims scpArray = claims(ISSUER, "u");
        scpArray.setClaim("scp", List.of("orders:admin"));
        assertThat(verify(sign(RSA, scpArray), wanted).allowed()).isTrue();
        JwtClaims scpString = claims(ISSUER, "u");
        scpString.setClaim("scp", "x orders:read");
        assertThat(verify(sign(RSA, scpString), wanted).allowed()).isTrue();

        JwtClaims other = claims(ISSUER, "u");
        other.setClaim("scope", "profile orders:write");
        assertRefused(verify(sign(RSA, other), wanted), GatewayError.SCOPE_MISSING);
        assertRefused(verify(sign(RSA, claims(ISSUER, "u")), wanted), GatewayError.SCOPE_MISSING);
        assertThat(verify(sign(RSA, claims(ISSUER, "u")), Set.of()).allowed()).as("route without scopes").isTrue();
        JwtClaims badIssuerWithScope = claims("https://evil.example.com", "u");
        badIssuerWithScope.setClaim("scope", "orders:read");
        assertRefused(verify(sign(RSA, badIssuerWithScope), wanted), GatewayError.JWT_INVALID);
    }

    @Test
    void bearerTokensAreTakenRawOrWithTheSchemeInAnyCase() {
        assertThat(BearerToken.of("Bearer abc.def.ghi")).isEqualTo("abc.def.ghi");
        assertThat(BearerToken.of("bearer   abc")).isEqualTo("abc");
        assertThat(BearerToken.of("BEARER\tabc")).isEqualTo("abc");
        assertThat(BearerToken.of("abc.def.ghi")).isEqualTo("abc.def.ghi");
        assertThat(BearerToken.of("Bearer ")).isNull();
        assertThat(BearerToken.of("")).isNull();
        assertThat(BearerToken.of(null)).isNull();
    }
}
