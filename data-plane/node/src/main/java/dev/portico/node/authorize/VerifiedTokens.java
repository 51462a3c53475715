package dev.portico.node.authorize;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens one JWT authorizer verified, by the exact token text, so a client that sends the same token
 * for minutes pays for parsing and the signature once. Only verified tokens enter (a refusal is
 * never kept, so garbage cannot fill it). An entry is used only while the token is within its
 * lifetime (same skew as verification; an expired one is dropped) and while the key set still hands
 * out the keys that verified it. Bounded: when full, an arbitrary entry makes room. Lock-free reads;
 * safe for every event loop at once.
 */
final class VerifiedTokens {

    static final int MAX_ENTRIES = 10_000;

    private final int maxEntries;
    private final ConcurrentHashMap<String, VerifiedToken> entries = new ConcurrentHashMap<>();

    VerifiedTokens() {
        this(MAX_ENTRIES);
    }

    VerifiedTokens(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The token as verified before, if it is still within its lifetime at {@code nowSeconds}; else null. */
    VerifiedToken get(String token, long nowSeconds) {
        VerifiedToken known = entries.get(token);
        if (known == null || known.validAt(nowSeconds)) {
            return known;
        }
        entries.remove(token, known);
        return null;
    }

    void put(String token, VerifiedToken verified) {
        if (entries.size() >= maxEntries) {
            evictOne();
        }
        entries.put(token, verified);
    }

    /** Forgets a token whose keys are no longer the key set's. */
    void forget(String token, VerifiedToken stale) {
        entries.remove(token, stale);
    }

    private void evictOne() {
        Iterator<String> tokens = entries.keySet().iterator();
        if (tokens.hasNext()) {
            entries.remove(tokens.next());
        }
    }

    int size() {
        return entries.size();
    }
}
