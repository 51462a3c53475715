package dev.portico.cp.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A model as the admin API shows it: {@code id, name, description, schema, revision, createdAt, updatedAt}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelView(String id, String name, String description, JsonNode schema, long revision,
                        Instant createdAt, Instant updatedAt) {

    static ModelView of(ModelEntity m) {
        return new ModelView(m.id, m.name, m.description, m.schema, m.revision, m.createdAt, m.updatedAt);
    }
}
