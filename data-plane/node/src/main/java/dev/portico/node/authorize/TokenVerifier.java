package dev.portico.node.authorize;

import dev.portico.node.pipeline.GatewayError;
import io.vertx.core.json.Json;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a JWT of one issuer (SPEC §4): an RSA or EC signature (RS*, PS*, ES*; never {@code none}
 * or HS*) by one of the issuer's keys, {@code iss} equal to the issuer, {@code aud} (or, without
 * one, {@code client_id}) naming one of the audiences, {@code exp} present, and {@code exp}/{@code nbf}
 * met with {@value #CLOCK_SKEW_SECONDS} s of clock skew; then the route's scopes. Thread-safe; it
 * remembers only the consumer it built last.
 */
public final class TokenVerifier {

    static final int CLOCK_SKEW_SECONDS = 60;
    private static final AlgorithmConstraints ALGORITHMS = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT,
            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
            AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA384, AlgorithmIdentifiers.RSA_PSS_USING_SHA512,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
            AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512);
    /** Reads header and claims without checking anything, to learn the key id first. */
    private static final JwtConsumer READER = new JwtConsumerBuilder().setSkipAllValidators()
            .setDisableRequireSignature().setSkipSignatureVerification().build();

    /** A consumer built for one key set generation (compared by identity) and one second. */
    private record Consumer(List<JsonWebKey> keys, long second, JwtConsumer consumer) {
    }

    private final String issuer;
    private final Set<String> audiences;
    /** The consumer built last; a race only builds one more. */
    private volatile Consumer consumer;

    public TokenVerifier(String issuer, List<String> audiences) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
    }

    /** The token read but not verified, or null when it is not a JWT at all. */
    public static JwtContext read(String token) {
        try {
            return READER.process(token);
        } catch (InvalidJwtException | RuntimeException e) {
            return null;
        }
    }

    /** The key id in the token's header, or null. */
    public static String keyId(JwtContext token) {
        return token.getJoseObjects().isEmpty() ? null : token.getJoseObjects().get(0).getKeyIdHeaderValue();
    }

    /**
     * @param keys   the issuer's keys
     * @param scopes the route's scopes, one of which the token must carry (empty: none needed)
     */
    public Decision verify(JwtContext token, List<JsonWebKey> keys, Set<String> scopes, NumericDate now) {
        VerifiedToken verified = verified(token, keys, now.getValue());
        return verified == null ? Decision.refuse(GatewayError.JWT_INVALID) : verified.decide(scopes).result();
    }

    /** What the token proves when it passes every check but the route's scopes; null when it fails one. */
    VerifiedToken verified(JwtContext token, List<JsonWebKey> keys, long nowSeconds) {
        try {
            consumer(keys, nowSeconds).processContext(token);
            JwtClaims claims = token.getJwtClaims();
            if (!audienceMatches(claims)) {
                return null;
            }
            NumericDate notBefore = claims.getNotBefore();
            return new VerifiedToken(new Authorized(subject(claims), claimTexts(claims), Map.of()), grantedScopes(claims),
                    claims.getExpirationTime().getValue(), notBefore == null ? Long.MIN_VALUE : notBefore.getValue(),
                    keyId(token), keys);
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A consumer for these keys at this second. jose4j checks exp/nbf against a fixed evaluation time,
     * so one is built per key set generation and second, not per request; consumers are thread-safe.
     */
    private JwtConsumer consumer(List<JsonWebKey> keys, long nowSeconds) {
        Consumer last = consumer;
        if (last != null && last.keys == keys && last.second == nowSeconds) {
            return last.consumer;
        }
        JwksVerificationKeyResolver resolver = new JwksVerificationKeyResolver(keys);
        resolver.setDisambiguateWithVerifySignature(true);
        JwtConsumer built = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(ALGORITHMS)
                .setVerificationKeyResolver(resolver)
                .setExpectedIssuer(issuer)
                .setSkipDefaultAudienceValidation()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromSeconds(nowSeconds))
                .build();
        consumer = new Consumer(keys, nowSeconds, built);
        return built;
    }

    private boolean audienceMatches(JwtClaims claims) throws MalformedClaimException {
        if (claims.hasAudience()) {
            return claims.getAudience().stream().anyMatch(audiences::contains);
        }
        Object clientId = claims.getClaimValue("client_id");
        return clientId instanceof String id && audiences.contains(id);
    }

    /** The scopes in {@code scope} and {@code scp}. */
    private static Set<String> grantedScopes(JwtClaims claims) {
        Set<String> scopes = new HashSet<>(granted(claims.getClaimValue("scope")));
        scopes.addAll(granted(claims.getClaimValue("scp")));
        return scopes;
    }

    /** Scopes as a space-separated string or an array of strings. */
    private static List<String> granted(Object value) {
        if (value instanceof String text) {
            return Arrays.asList(text.trim().split("\\s+"));
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    private static String subject(JwtClaims claims) {
        return claims.getClaimValue("sub") instanceof String sub ? sub : null;
    }

    /** Claims for parameter mapping: strings as they are, anything else as its JSON text. */
    private static Map<String, Object> claimTexts(JwtClaims claims) {
        Map<String, Object> texts = new HashMap<>();
        claims.getClaimsMap().forEach((name, value) -> {
            if (value != null) {
                texts.put(name, value instanceof String s ? s : Json.encode(value));
            }
        });
        return texts;
    }
}
