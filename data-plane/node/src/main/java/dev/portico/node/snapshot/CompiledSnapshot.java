package dev.portico.node.snapshot;

import java.util.Map;

/**
 * A snapshot compiled into immutable lookup structures: what every request reads and nothing
 * writes. Replaced as a whole, never changed.
 */
public final class CompiledSnapshot {

    /** What a node serves before any snapshot is applied: nothing (every request is 404). */
    public static final CompiledSnapshot NONE = new CompiledSnapshot(-1, Map.of());

    private final long revision;
    private final Map<String, CompiledApi> apis;

    public CompiledSnapshot(long revision, Map<String, CompiledApi> apis) {
        this.revision = revision;
        this.apis = Map.copyOf(apis);
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
}
