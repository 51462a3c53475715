package dev.portico.cp.api;

import dev.portico.snapshot.Cors;

import java.time.Instant;

/** An API as the admin API shows it. {@code revision} is also its ETag; {@code cors} is null without CORS. */
public record ApiView(String id, String name, String description, Cors cors, long revision, Instant createdAt,
                      Instant updatedAt) {

    static ApiView of(ApiEntity api) {
        return new ApiView(api.id, api.name, api.description, api.cors, api.revision, api.createdAt, api.updatedAt);
    }
}
