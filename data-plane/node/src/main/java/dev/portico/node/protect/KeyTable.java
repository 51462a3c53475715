package dev.portico.node.protect;

import java.util.Map;

/** Every API key of a snapshot by the SHA-256 of its value: one hash-map lookup per request, never a scan. */
public final class KeyTable {

    public static final KeyTable EMPTY = new KeyTable(Map.of());

    private final Map<String, CompiledKey> byHash;

    public KeyTable(Map<String, CompiledKey> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    /** The key whose value is {@code value}, or null. */
    public CompiledKey byValue(String value) {
        return byHash.isEmpty() ? null : byHash.get(KeyHash.of(value));
    }

    public int size() {
        return byHash.size();
    }
}
