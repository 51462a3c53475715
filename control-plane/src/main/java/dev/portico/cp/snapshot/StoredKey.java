package dev.portico.cp.snapshot;

import java.util.List;

/**
 * An API key as the database holds it: an input of {@link SnapshotCompiler}.
 *
 * @param keyHash SHA-256 of the value, lowercase hex
 * @param planIds the usage plans the key is subscribed to
 */
public record StoredKey(String id, String keyHash, boolean enabled, List<String> planIds) {
}
