package dev.portico.node.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real OpenID Connect issuer on a free loopback port: serves its discovery document and its JWKS
 * (public keys only, with an optional Cache-Control), and counts how often each was fetched.
 */
public final class TestIssuer implements AutoCloseable {

    private static final String REALM = "/realms/test";

    private final HttpServer server;
    private final AtomicInteger discoveryFetches = new AtomicInteger();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile List<PublicJsonWebKey> published = List.of();
    private volatile String cacheControl;

    private TestIssuer(Vertx vertx) {
        this.server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals(REALM + "/.well-known/openid-configuration")) {
                discoveryFetches.incrementAndGet();
                request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("issuer", issuer()).put("jwks_uri", jwksUri()).encode());
            } else if (request.path().equals(REALM + "/certs")) {
                jwksFetches.incrementAndGet();
                if (cacheControl != null) {
                    request.response().putHeader("Cache-Control", cacheControl);
                }
                request.response().putHeader("Content-Type", "application/json").end(jwks());
            } else {
                request.response().setStatusCode(404).end();
            }
        });
        Blocking.await(server.listen(0, "127.0.0.1"));
    }

    public static TestIssuer start(Vertx vertx) {
        return new TestIssuer(vertx);
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.actualPort() + REALM;
    }

    public String jwksUri() {
        return issuer() + "/certs";
    }

    /** Replaces the published keys. */
    public void publish(PublicJsonWebKey... keys) {
        published = List.of(keys);
    }

    /** Cache-Control of the JWKS response (null: none). */
    public void cacheControl(String value) {
        cacheControl = value;
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    public int discoveryFetches() {
        return discoveryFetches.get();
    }

    private String jwks() {
        return new JsonWebKeySet(published).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    @Override
    public void close() {
        Blocking.await(server.close());
    }
}
