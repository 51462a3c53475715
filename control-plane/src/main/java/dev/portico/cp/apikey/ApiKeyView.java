package dev.portico.cp.apikey;

import java.time.Instant;

/** An API key as the admin API shows it: never its value or hash. {@code revision} is also its ETag. */
public record ApiKeyView(String id, String name, String description, boolean enabled, String displayPrefix,
                         Instant createdAt, Instant updatedAt, Instant lastUsedAt, long revision) {

    static ApiKeyView of(ApiKeyEntity key) {
        return new ApiKeyView(key.id, key.name, key.description, key.enabled, key.displayPrefix,
                key.createdAt, key.updatedAt, key.lastUsedAt, key.revision);
    }
}
