package dev.portico.cp.api;

import java.time.Instant;

/** An API as the admin API shows it. {@code revision} is also its ETag. */
public record ApiView(String id, String name, String description, long revision, Instant createdAt,
                      Instant updatedAt) {

    static ApiView of(ApiEntity api) {
        return new ApiView(api.id, api.name, api.description, api.revision, api.createdAt, api.updatedAt);
    }
}
