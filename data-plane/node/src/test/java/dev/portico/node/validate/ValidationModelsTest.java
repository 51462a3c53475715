package dev.portico.node.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SpecificationVersion;
import dev.portico.snapshot.Deployment;
import dev.portico.snapshot.DeploymentContent;
import dev.portico.snapshot.Model;
import dev.portico.snapshot.SnapshotCodec;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Compiling models (dialects, refusals) and checking bodies against them. */
class ValidationModelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PET = """
            {"type": "object", "required": ["name", "age"], "additionalProperties": false,
             "properties": {"name": {"type": "string", "minLength": 3},
                            "age": {"type": "integer", "minimum": 0},
                            "tags": {"type": "array", "items": {"type": "string"}}}}""";

    @Test
    void withoutSchemaTheDialectIsDraft4() {
        assertThat(ModelSchemas.dialect(json(PET))).isEqualTo(SpecificationVersion.DRAFT_4);
        // draft 4's exclusiveMaximum is a boolean beside maximum; in 2020-12 it must be a number
        BodySchema schema = compile("""
                {"properties": {"n": {"type": "number", "maximum": 10, "exclusiveMaximum": true}}}""");

        assertThat(schema.errors(body("{\"n\": 10}"))).singleElement().asString().startsWith("$.n: ");
        assertThat(schema.errors(body("{\"n\": 9}"))).isEmpty();
    }

    @Test
    void draft4IsKnownWithOrWithoutItsHash() {
        assertThat(ModelSchemas.dialect(json("{\"$schema\": \"http://json-schema.org/draft-04/schema#\"}")))
                .isEqualTo(SpecificationVersion.DRAFT_4);
        assertThat(ModelSchemas.dialect(json("{\"$schema\": \"http://json-schema.org/draft-04/schema\"}")))
                .isEqualTo(SpecificationVersion.DRAFT_4);
    }

    @Test
    void schema2020IsCompiledAs2020() {
        BodySchema schema = compile("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "properties": {"point": {"type": "array", "prefixItems": [{"type": "number"}, {"type": "number"}],
                                          "items": false}},
                 "dependentRequired": {"a": ["b"]}}""");

        assertThat(ModelSchemas.dialect(json("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"}")))
                .isEqualTo(SpecificationVersion.DRAFT_2020_12);
        assertThat(schema.errors(body("{\"point\": [1, 2]}"))).isEmpty();
        assertThat(schema.errors(body("{\"point\": [1, \"x\", 3], \"a\": 1}"))).hasSize(3)
                .anySatisfy(e -> assertThat(e).startsWith("$.point[1]: "))
                .anySatisfy(e -> assertThat(e).startsWith("$.point: ").contains("index '2'"))
                .anySatisfy(e -> assertThat(e).startsWith("$: ").contains("b"));
    }

    @Test
    void aSchemaInvalidForItsDialectIsRefused() {
        assertThatThrownBy(() -> compile("{\"type\": 12}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid draft-4").hasMessageContaining("$.type");
    }

    @Test
    void aSchemaTheLibraryCannotCompileIsRefused() {
        assertThatThrownBy(() -> compile("{\"$ref\": \"#/definitions/nowhere\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be compiled");
        assertThatThrownBy(() -> compile("{\"properties\": {\"x\": {\"type\": \"string\", \"pattern\": \"[unclosed\"}}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.properties.x.pattern");
    }

    @Test
    void aRemoteRefIsNeverFetched() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] schema = "{\"type\": \"string\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, schema.length);
            exchange.getResponseBody().write(schema);
            exchange.close();
        });
        server.start();
        try {
            String ref = "http://127.0.0.1:" + server.getAddress().getPort() + "/name.json";
            assertThatThrownBy(() -> compile("{\"properties\": {\"name\": {\"$ref\": \"" + ref + "\"}}}"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be compiled");
            assertThat(fetched).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnknownDialectOrANonObjectIsRefused() {
        assertThatThrownBy(() -> compile("{\"$schema\": \"http://example.com/my-dialect\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a dialect this node knows");
        assertThatThrownBy(() -> compile("true"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
    }

    @Test
    void aValidBodyHasNoErrors() {
        assertThat(compile(PET).errors(body("{\"name\": \"Rex\", \"age\": 3, \"tags\": [\"good\"]}"))).isEmpty();
    }

    @Test
    void everyFailingFieldIsNamed() {
        List<String> errors = compile(PET).errors(body("{\"name\": \"R\", \"tags\": [\"a\", 7], \"colour\": \"red\"}"));

        assertThat(errors).containsExactlyInAnyOrder(
                "$.name: must be at least 3 characters long",
                "$.tags[1]: integer found, string expected",
                "$: required property 'age' not found",
                "$: property 'colour' is not defined in the schema and the schema does not allow additional properties");
    }

    @Test
    void aBodyThatIsNotJsonFails() {
        BodySchema schema = compile(PET);

        assertThat(schema.errors(body("name=Rex"))).singleElement().asString().startsWith("request body is not valid JSON");
        assertThat(schema.errors(body("{\"name\": \"Rex\", \"age\": 3} trailing"))).singleElement().asString()
                .startsWith("request body is not valid JSON");
    }

    @Test
    void anEmptyBodyFails() {
        assertThat(compile(PET).errors(Buffer.buffer())).containsExactly("request body is empty; a JSON document is expected");
        assertThat(compile("{}").errors(Buffer.buffer())).as("even when the schema accepts anything").hasSize(1);
    }

    @Test
    void modelsAreCompiledOncePerDeploymentContentAndBadOnesAreReported() {
        Model good = new Model("mdl-1", "Pet", json(PET));
        Model bad = new Model("mdl-2", "Broken", json("{\"type\": 12}"));
        DeploymentContent content = new DeploymentContent(List.of(), List.of(), List.of(), List.of(good, bad), Map.of());
        Deployment deployment = new Deployment("dep-1", 1, SnapshotCodec.contentHash(content), content);
        ModelSchemas models = new ModelSchemas();
        List<String> problems = new ArrayList<>();

        Map<String, BodySchema> first = models.of(deployment, "api a stage prod", problems);
        Map<String, BodySchema> again = models.of(deployment, "api a stage dev", problems);

        assertThat(first).containsOnlyKeys("Pet");
        assertThat(again).isSameAs(first);
        assertThat(problems).singleElement().asString().startsWith("api a stage prod: model Broken: schema is not valid");
    }

    private static BodySchema compile(String schema) {
        return ModelSchemas.compile(new Model("mdl-x", "X", json(schema)));
    }

    private static Buffer body(String text) {
        return Buffer.buffer(text);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
