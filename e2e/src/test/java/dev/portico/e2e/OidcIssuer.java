package dev.portico.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OpenID Connect issuer on a loopback port, as Keycloak or Auth0 would look to a node:
 * {@code /realms/shop/.well-known/openid-configuration} points at {@code /jwks}, which publishes the keys it
 * currently signs with (cacheable for {@link #maxAgeSeconds}). It mints tokens with any of them.
 */
final class OidcIssuer implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, PublicJsonWebKey> keys = new ConcurrentHashMap<>();
    private final List<String> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile int maxAgeSeconds = 2;

    private OidcIssuer() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> {
            switch (request.path()) {
                case "/realms/shop/.well-known/openid-configuration" -> request.response()
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("issuer", issuer()).put("jwks_uri", url() + "/jwks").encode());
                case "/jwks" -> {
                    jwksFetches.incrementAndGet();
                    request.response().putHeader("Content-Type", "application/json")
                            .putHeader("Cache-Control", "public, max-age=" + maxAgeSeconds).end(jwks());
                }
                default -> request.response().setStatusCode(404).end();
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static OidcIssuer start() {
        try {
            return new OidcIssuer();
        } catch (Exception e) {
            throw new IllegalStateException("issuer did not start", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    String issuer() {
        return url() + "/realms/shop";
    }

    int jwksFetches() {
        return jwksFetches.get();
    }

    /** Makes a key (RSA 2048 or EC P-256) and publishes it in the JWKS. */
    void addKey(String kid, boolean ec) {
        try {
            PublicJsonWebKey key = ec ? EcJwkGenerator.generateJwk(EllipticCurves.P256) : RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            key.setAlgorithm(ec ? AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256 : AlgorithmIdentifiers.RSA_USING_SHA256);
            keys.put(kid, key);
            published.add(kid);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes a key out of the JWKS; tokens it signed are still minted on request. */
    void retire(String kid) {
        published.remove(kid);
    }

    PublicJsonWebKey key(String kid) {
        return keys.get(kid);
    }

    /** Claims of a good token for {@code sub}: this issuer, audience orders-api, valid for 5 minutes. */
    JwtClaims claims(String sub, String scope) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer());
        claims.setAudience("orders-api");
        claims.setSubject(sub);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        if (scope != null) {
            claims.setStringClaim("scope", scope);
        }
        return claims;
    }

    String sign(String kid, JwtClaims claims) {
        PublicJsonWebKey key = keys.get(kid);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(key.getAlgorithm());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private String jwks() {
        JsonArray list = new JsonArray();
        for (String kid : published) {
            list.add(new JsonObject(keys.get(kid).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        }
        return new JsonObject().put("keys", list).encode();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("issuer did not stop", e);
        }
    }
}
