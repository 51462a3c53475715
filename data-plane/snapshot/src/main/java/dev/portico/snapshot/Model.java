package dev.portico.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A named JSON Schema of an API's draft, frozen into deployments; routes name it as their
 * {@link RequestValidation#bodyModel()}. The schema's {@code $schema} picks the dialect: draft 4 (what
 * Amazon API Gateway uses, and the default when {@code $schema} is absent) or 2020-12.
 *
 * @param schema the JSON Schema document itself (an object), not its text
 */
public record Model(String id, String name, JsonNode schema) {
}
