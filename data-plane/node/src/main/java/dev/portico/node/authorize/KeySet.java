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
 *
 * <p>The list handed out is the key set's generation: a refetch that brings the same keys keeps the
 * same list, a refetch that changes them makes a new one, so {@link VerifiedTokens} can tell whether
 * a token was verified by the keys in use now with one identity comparison.
 */
final class KeySet {

    static final Duration REFETCH_INTERVAL = Duration.ofSeconds(3);
    private static final System.Logger LOG = System.getLogger(KeySet.class.getName());

    /** The keys, the same as a future (handed out on every request, so built once), and until when (System.nanoTime) they are fresh. */
    private record Cached(List<JsonWebKey> keys, Future<List<JsonWebKey>> ready, long freshUntil) {
        Cached(List<JsonWebKey> keys, long freshUntil) {
            this(keys, Future.succeededFuture(keys), freshUntil);
        }

        boolean has(String keyId) {
            for (JsonWebKey key : keys) {
                if (Objects.equals(keyId, key.getKeyId())) {
                    return true;
                }
            }
            return false;
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
            return known.ready;
        }
        synchronized (this) {
            if (fetching != null) {
                return fetching;
            }
            boolean mayFetch = !fetchedOnce || now - lastFetch >= REFETCH_INTERVAL.toNanos();
            if (!mayFetch) {
                return known != null ? known.ready
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
                List<JsonWebKey> keys = known != null && sameKeys(known.keys, fetched.keys()) ? known.keys : fetched.keys();
                Cached made = new Cached(keys, System.nanoTime() + fetched.maxAge().toNanos());
                cached = made;
                return made.ready;
            }
            LOG.log(System.Logger.Level.WARNING, "could not fetch keys from " + source + ": " + result.cause()
                    + (known == null ? "; tokens of this issuer are refused" : "; using the keys fetched before"));
            return known == null ? Future.failedFuture(result.cause()) : known.ready;
        });
    }

    /** Whether two fetches brought the same public keys in the same order. */
    static boolean sameKeys(List<JsonWebKey> known, List<JsonWebKey> fetched) {
        if (known.size() != fetched.size()) {
            return false;
        }
        for (int i = 0; i < known.size(); i++) {
            if (!known.get(i).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                    .equals(fetched.get(i).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))) {
                return false;
            }
        }
        return true;
    }
}
