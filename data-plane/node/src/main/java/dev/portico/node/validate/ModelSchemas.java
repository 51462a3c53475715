package dev.portico.node.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.portico.snapshot.Deployment;
import dev.portico.snapshot.Model;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles the models of the deployments of one snapshot with networknt's json-schema-validator.
 * Each deployment's models are compiled once, however many stages serve that deployment; one
 * instance lives for one {@code SnapshotCompiler.compile} call.
 *
 * <p>The dialect comes from {@code $schema}: absent means draft 4 (what Amazon API Gateway uses);
 * draft 4, 6, 7, 2019-09 and 2020-12 are known. A model is refused when its {@code $schema} names
 * another dialect, when it is not valid against its dialect's meta-schema, or when the library
 * cannot compile it (an unresolvable {@code $ref}, a bad regular expression). Nothing is fetched
 * from the network: meta-schemas come from the library's jar and remote {@code $ref}s fail.
 */
public final class ModelSchemas {

    private final Map<String, Map<String, BodySchema>> byContent = new HashMap<>();

    /**
     * The deployment's models by name, compiled; each model that cannot be compiled adds a problem
     * (prefixed with {@code where}) and is left out, so routes naming it fail to compile too.
     */
    public Map<String, BodySchema> of(Deployment deployment, String where, List<String> problems) {
        if (deployment.models().isEmpty()) {
            return Map.of();
        }
        return byContent.computeIfAbsent(deployment.contentHash(), hash -> compileAll(deployment.models(), where, problems));
    }

    private static Map<String, BodySchema> compileAll(List<Model> models, String where, List<String> problems) {
        Map<String, BodySchema> compiled = new HashMap<>();
        for (Model model : models) {
            try {
                compiled.put(model.name(), compile(model));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": model " + model.name() + ": " + e.getMessage());
            }
        }
        return compiled;
    }

    /** Throws {@link IllegalArgumentException} saying why the model's schema cannot be used. */
    public static BodySchema compile(Model model) {
        JsonNode schema = model.schema();
        if (schema == null || !schema.isObject()) {
            throw new IllegalArgumentException("schema must be a JSON object");
        }
        SpecificationVersion dialect = dialect(schema);
        List<Error> metaErrors = Registry.metaSchema(dialect).validate(schema);
        if (!metaErrors.isEmpty()) {
            throw new IllegalArgumentException("schema is not valid " + label(dialect) + ": " + describe(metaErrors));
        }
        // The dialect is written into a copy, so the library never looks $schema up on its own.
        ObjectNode pinned = ((ObjectNode) schema).deepCopy();
        pinned.put("$schema", dialect.getDialectId());
        try {
            Schema compiled = Registry.INSTANCE.getSchema(pinned);
            // Everything, $refs included, is resolved now rather than on the first request.
            compiled.initializeValidators();
            return new BodySchema(model.name(), compiled);
        } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("schema cannot be compiled: " + e.getMessage());
        }
    }

    /** {@code $schema} absent: draft 4. Known ids are taken with or without their trailing {@code #}. */
    static SpecificationVersion dialect(JsonNode schema) {
        JsonNode declared = schema.get("$schema");
        if (declared == null) {
            return SpecificationVersion.DRAFT_4;
        }
        String id = declared.isTextual() ? declared.asText() : "";
        String bare = id.endsWith("#") ? id.substring(0, id.length() - 1) : id;
        Optional<SpecificationVersion> known = SpecificationVersion.fromDialectId(bare)
                .or(() -> SpecificationVersion.fromDialectId(bare + "#"));
        return known.orElseThrow(() -> new IllegalArgumentException("$schema " + declared
                + " is not a dialect this node knows (draft-04, draft-06, draft-07, 2019-09, 2020-12)"));
    }

    private static String label(SpecificationVersion dialect) {
        return dialect.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String describe(List<Error> errors) {
        StringBuilder out = new StringBuilder();
        for (Error error : errors) {
            out.append(out.length() == 0 ? "" : "; ").append(error.getInstanceLocation()).append(": ").append(error.getMessage());
        }
        return out.toString();
    }

    /** One registry for the node: thread-safe once built, and it keeps the parsed meta-schemas. */
    private static final class Registry {

        static final SchemaRegistry INSTANCE = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, builder -> builder
                .schemaLoader(loader -> loader.fetchRemoteResources(false))
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        // Messages clients read must not depend on the machine's locale.
                        .locale(Locale.ENGLISH)
                        .pathType(PathType.JSON_PATH)
                        .preloadSchema(true)
                        .build()));

        private static final Map<SpecificationVersion, Schema> META = new java.util.concurrent.ConcurrentHashMap<>();

        static Schema metaSchema(SpecificationVersion dialect) {
            return META.computeIfAbsent(dialect, d -> INSTANCE.getSchema(SchemaLocation.of(d.getDialectId())));
        }
    }
}
