package dev.portico.node.protect;

import dev.portico.snapshot.Throttle;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The buckets of API keys (plan, and plan per route), which outlive snapshots: a key keeps its
 * bucket across swaps, and gets a new one only when its plan's rate or burst changed. Keys come
 * and go in numbers, so buckets are made on first use and those that have been full (idle) for a
 * while are swept: forgetting a full bucket changes nothing, the next request makes a full one.
 */
public final class KeyBuckets {

    /**
     * Whose bucket: a key under a plan, and for a per-route throttle of the plan also the API
     * stage and route (null otherwise).
     */
    public record Id(String keyId, String planId, String apiId, String stage, String routeKey) {
        public static Id plan(String keyId, String planId) {
            return new Id(keyId, planId, null, null, null);
        }
    }

    private final ConcurrentHashMap<Id, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** The bucket of {@code id} at {@code throttle}'s rate; a full one the first time, or when the rate changed. */
    public TokenBucket bucket(Id id, Throttle throttle, long now) {
        TokenBucket bucket = buckets.get(id);
        if (bucket != null && bucket.throttle().equals(throttle)) {
            return bucket;
        }
        return buckets.compute(id, (key, old) ->
                old != null && old.throttle().equals(throttle) ? old : new TokenBucket(throttle, now));
    }

    /** Forgets the buckets full for at least {@code idleNanos}; returns how many are left. */
    public int sweep(long now, long idleNanos) {
        buckets.values().removeIf(bucket -> bucket.fullFor(now, idleNanos));
        return buckets.size();
    }

    public int size() {
        return buckets.size();
    }
}
