package dev.portico.node.authorize;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key sets of every issuer this node verifies tokens of, by JWKS URI (or issuer, when the URI is
 * discovered). They outlive snapshots: a redeploy does not refetch keys. Issuers a new snapshot no
 * longer has are dropped ({@link #keepOnly}), so the map stays as small as the configuration.
 */
final class IssuerKeys {

    private final AuthorizerClient client;
    private final ConcurrentHashMap<String, KeySet> sets = new ConcurrentHashMap<>();

    IssuerKeys(AuthorizerClient client) {
        this.client = client;
    }

    KeySet of(String issuer, String jwksUri) {
        return sets.computeIfAbsent(JwksSource.cacheKey(issuer, jwksUri),
                key -> new KeySet(new JwksSource(client, issuer, jwksUri)));
    }

    void keepOnly(Set<String> cacheKeys) {
        sets.keySet().retainAll(cacheKeys);
    }
}
