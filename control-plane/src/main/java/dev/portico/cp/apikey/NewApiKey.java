package dev.portico.cp.apikey;

import java.time.Instant;

/** The answer to creating a key: the key and, this once, its {@code value}. */
public record NewApiKey(String id, String name, String description, boolean enabled, String displayPrefix,
                        Instant createdAt, Instant updatedAt, Instant lastUsedAt, long revision, String value) {

    static NewApiKey of(ApiKeyEntity key, String value) {
        return new NewApiKey(key.id, key.name, key.description, key.enabled, key.displayPrefix,
                key.createdAt, key.updatedAt, key.lastUsedAt, key.revision, value);
    }
}
