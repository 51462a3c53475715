package dev.portico.node.authorize;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

import java.time.Duration;
import java.util.List;

/**
 * Where an issuer's keys come from: a configured {@code jwksUri}, or the {@code jwks_uri} of the
 * issuer's OIDC discovery document ({@code issuer/.well-known/openid-configuration}), which is
 * remembered and looked up again only after a JWKS fetch failed.
 */
final class JwksSource {

    /** A JWKS as fetched, and how long it may be used (the response's Cache-Control max-age). */
    record Fetched(List<JsonWebKey> keys, Duration maxAge) {
    }

    static final long TIMEOUT_MILLIS = 5_000;
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    private final AuthorizerClient client;
    private final String issuer;
    private final String configuredUri;
    private volatile String discoveredUri;

    /** @param jwksUri null to discover it from the issuer */
    JwksSource(AuthorizerClient client, String issuer, String jwksUri) {
        this.client = client;
        this.issuer = issuer;
        this.configuredUri = jwksUri;
    }

    /** What the cache is keyed by: the JWKS URI, or the issuer when it is discovered. */
    static String cacheKey(String issuer, String jwksUri) {
        return jwksUri != null ? "jwks " + jwksUri : "issuer " + issuer;
    }

    Future<Fetched> fetch() {
        return jwksUri().compose(uri -> client.get(uri, TIMEOUT_MILLIS)
                .map(answer -> {
                    if (!answer.ok()) {
                        throw new IllegalStateException("JWKS " + uri + " answered " + answer.status());
                    }
                    return new Fetched(parse(uri, answer.body().toString()),
                            CacheControl.maxAge(answer.headers().get(HttpHeaders.CACHE_CONTROL)));
                })
                .onFailure(e -> discoveredUri = null));
    }

    private Future<String> jwksUri() {
        if (configuredUri != null) {
            return Future.succeededFuture(configuredUri);
        }
        String known = discoveredUri;
        if (known != null) {
            return Future.succeededFuture(known);
        }
        String discovery = stripSlash(issuer) + DISCOVERY_PATH;
        return client.get(discovery, TIMEOUT_MILLIS).map(answer -> {
            if (!answer.ok()) {
                throw new IllegalStateException("discovery " + discovery + " answered " + answer.status());
            }
            String uri = new JsonObject(answer.body()).getString("jwks_uri");
            if (uri == null || !(uri.startsWith("https://") || uri.startsWith("http://"))) {
                throw new IllegalStateException("discovery " + discovery + " names no http(s) jwks_uri");
            }
            discoveredUri = uri;
            return uri;
        });
    }

    private static List<JsonWebKey> parse(String uri, String json) {
        try {
            return List.copyOf(new JsonWebKeySet(json).getJsonWebKeys());
        } catch (JoseException e) {
            throw new IllegalStateException("JWKS " + uri + " is not a key set: " + e.getMessage());
        }
    }

    private static String stripSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    @Override
    public String toString() {
        return configuredUri != null ? configuredUri : issuer + DISCOVERY_PATH;
    }
}
