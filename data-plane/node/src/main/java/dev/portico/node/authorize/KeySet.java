package dev.portico.node.authorize;

import io.vertx.core.Future;
import org.jose4j.jwk.JsonWebKey;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An issuer's keys as this node knows them, shared by every snapshot and event loop. Keys are
 * fetched on first use and again when they expire (Cache-Control max-age, else 5 minutes), or when a
 * token names a key id they lack: at most once per {@link #REFETCH_INTERVAL}, so tokens with made-up
 * key ids cannot make the node hammer the issuer. Concurrent requests share one fetch. When a fetch
 * fails the keys fetched last stay in use; with none at all the keys are unavailable.
 */
final class KeySet {

    static final Duration REFETCH_INTERVAL = Duration.ofSeconds(3);
    private static final System.Logger LOG = System.getLogger(KeySet.class.getName());

    /** The keys and until when (System.nanoTime) they are fresh. */
    private record Cached(List<JsonWebKey> keys, long freshUntil) {
        boolean has(String keyId) {
            return keys.stream().anyMatch(key -> Objects.equals(keyId, key.getKeyId()));
        }
    }

    private final JwksSource source;
    private volatile Cached cached;
    /** Guarded by this. */
    private Future<List<JsonWebKey>> fetching;
    /** Guarded by this; when the last fetch started. */
    private long lastFetch;
    private boolean fetchedOnce;

    KeySet(JwksSource source) {
        this.source = source;
    }

    /** The keys to verify a token with key id {@code keyId} (null: none named); fails when there are none. */
    Future<List<JsonWebKey>> keysFor(String keyId) {
        long now = System.nanoTime();
        Cached known = cached;
        boolean fresh = known != null && now - known.freshUntil < 0;
        if (fresh && (keyId == null || known.has(keyId))) {
            return Future.succeededFuture(known.keys);
        }
        synchronized (this) {
            if (fetching != null) {
                return fetching;
            }
            boolean mayFetch = !fetchedOnce || now - lastFetch >= REFETCH_INTERVAL.toNanos();
            if (!mayFetch) {
                return known != null ? Future.succeededFuture(known.keys)
                        : Future.failedFuture(new IllegalStateException("no keys from " + source));
            }
            fetchedOnce = true;
            lastFetch = now;
            fetching = fetch(known);
            return fetching;
        }
    }

    private Future<List<JsonWebKey>> fetch(Cached known) {
        return source.fetch().transform(result -> {
            synchronized (this) {
                fetching = null;
            }
            if (result.succeeded()) {
                JwksSource.Fetched fetched = result.result();
                cached = new Cached(fetched.keys(), System.nanoTime() + fetched.maxAge().toNanos());
                return Future.succeededFuture(fetched.keys());
            }
            LOG.log(System.Logger.Level.WARNING, "could not fetch keys from " + source + ": " + result.cause()
                    + (known == null ? "; tokens of this issuer are refused" : "; using the keys fetched before"));
            return known == null ? Future.failedFuture(result.cause()) : Future.succeededFuture(known.keys);
        });
    }
}
