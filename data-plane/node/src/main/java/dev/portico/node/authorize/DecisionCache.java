package dev.portico.node.authorize;

import io.vertx.core.Future;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Custom authorizers' answers, allow and deny alike, per authorizer and identity-source values, for
 * the authorizer's {@code resultTtlSeconds}; they outlive snapshots. The pending answer is cached
 * too, so identical requests arriving together make one call. A failed call is forgotten at once.
 * Bounded: when full, expired answers are swept, and if it is still full the answer is not kept.
 */
final class DecisionCache {

    static final int MAX_ENTRIES = 10_000;

    /** @param authorizer the authorizer's id and URI (a redeploy may point the same id elsewhere) */
    record Key(String authorizer, List<String> identity) {
    }

    private record Entry(Future<Decision> decision, long expiresAt) {
    }

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    Future<Decision> get(Key key, int ttlSeconds, Supplier<Future<Decision>> call) {
        if (ttlSeconds <= 0) {
            return call.get();
        }
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.expiresAt < 0) {
            return entry.decision;
        }
        if (entries.size() >= MAX_ENTRIES && !sweep(now)) {
            return call.get();
        }
        Entry made = entries.compute(key, (k, old) -> old != null && now - old.expiresAt < 0 ? old
                : new Entry(call.get(), now + ttlSeconds * 1_000_000_000L));
        made.decision.onFailure(e -> entries.remove(key, made));
        return made.decision;
    }

    /** Forgets expired answers; true when there is room again. */
    private boolean sweep(long now) {
        entries.values().removeIf(entry -> now - entry.expiresAt >= 0);
        return entries.size() < MAX_ENTRIES;
    }

    int size() {
        return entries.size();
    }
}
