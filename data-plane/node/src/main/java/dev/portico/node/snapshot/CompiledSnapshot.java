package dev.portico.node.snapshot;

import dev.portico.node.protect.KeyTable;
import dev.portico.node.protect.TokenBucket;

import java.util.Map;

/**
 * A snapshot compiled into immutable lookup structures: what every request reads and nothing
 * writes. Replaced as a whole, never changed (token buckets change state, but which bucket a route
 * uses does not).
 */
public final class CompiledSnapshot {

    /** What a node serves before any snapshot is applied: nothing (every request is 404). */
    public static final CompiledSnapshot NONE = new CompiledSnapshot(-1, Map.of(), KeyTable.EMPTY, Map.of());

    private final long revision;
    private final Map<String, CompiledApi> apis;
    private final KeyTable keys;
    private final Map<String, TokenBucket> routeBuckets;

    /** @param routeBuckets the bucket of every throttled route, for the next snapshot to carry over */
    public CompiledSnapshot(long revision, Map<String, CompiledApi> apis, KeyTable keys,
                            Map<String, TokenBucket> routeBuckets) {
        this.revision = revision;
        this.apis = Map.copyOf(apis);
        this.keys = keys;
        this.routeBuckets = Map.copyOf(routeBuckets);
    }

    public long revision() {
        return revision;
    }

    /** The API with this (lower-case) id, or null. */
    public CompiledApi api(String id) {
        return apis.get(id);
    }

    public int apiCount() {
        return apis.size();
    }

    /** Every API key of the snapshot, by hash. */
    public KeyTable keys() {
        return keys;
    }

    Map<String, TokenBucket> routeBuckets() {
        return routeBuckets;
    }
}
