package dev.portico.cp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a model's schema is a JSON Schema nodes can check bodies against: an object, of a dialect
 * nodes check (draft 4, the default when {@code $schema} is absent, as Amazon API Gateway does; or 2020-12
 * named by {@code $schema}), valid against its dialect's meta-schema and compilable. Other dialects are
 * refused: the contract ({@link dev.portico.snapshot.Model}) promises nodes only these two.
 */
final class ModelSchemas {

    private static final Map<SpecificationVersion, SchemaRegistry> REGISTRIES = new EnumMap<>(SpecificationVersion.class);
    private static final Map<SpecificationVersion, Schema> META_SCHEMAS = new EnumMap<>(SpecificationVersion.class);

    static {
        for (SpecificationVersion version : List.of(SpecificationVersion.DRAFT_4, SpecificationVersion.DRAFT_2020_12)) {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(version);
            REGISTRIES.put(version, registry);
            Schema meta = registry.getSchema(SchemaLocation.of(version.getDialectId()));
            meta.initializeValidators();
            META_SCHEMAS.put(version, meta);
        }
    }

    private ModelSchemas() {
    }

    /** Why {@code schema} is not a usable JSON Schema, or null when it is. */
    static String problem(JsonNode schema) {
        if (schema == null || schema.isNull()) {
            return "is required: a JSON Schema object";
        }
        if (!schema.isObject()) {
            return "must be a JSON object (a JSON Schema)";
        }
        JsonNode dialect = schema.get("$schema");
        SpecificationVersion version;
        if (dialect == null) {
            version = SpecificationVersion.DRAFT_4;
        } else if (!dialect.isTextual()) {
            return "$schema must be a string naming a JSON Schema dialect";
        } else {
            Optional<SpecificationVersion> known = dialect(dialect.asText());
            if (known.isEmpty() || !META_SCHEMAS.containsKey(known.get())) {
                return "$schema \"" + dialect.asText() + "\" is not a dialect Portico checks: draft-04"
                        + " (http://json-schema.org/draft-04/schema#, the default) or 2020-12"
                        + " (https://json-schema.org/draft/2020-12/schema)";
            }
            version = known.get();
        }
        try {
            List<com.networknt.schema.Error> errors = META_SCHEMAS.get(version).validate(schema);
            if (!errors.isEmpty()) {
                com.networknt.schema.Error first = errors.get(0);
                return "is not a valid JSON Schema (" + version.getDialectId() + "): at "
                        + first.getInstanceLocation() + ", " + first.getMessage();
            }
            Schema compiled = REGISTRIES.get(version).getSchema(schema);
            compiled.initializeValidators();
            return null;
        } catch (RuntimeException e) {
            return "is not a valid JSON Schema (" + version.getDialectId() + "): " + e.getMessage();
        }
    }

    private static Optional<SpecificationVersion> dialect(String id) {
        Optional<SpecificationVersion> exact = SpecificationVersion.fromDialectId(id);
        if (exact.isPresent()) {
            return exact;
        }
        return SpecificationVersion.fromDialectId(id.endsWith("#") ? id.substring(0, id.length() - 1) : id + "#");
    }
}
