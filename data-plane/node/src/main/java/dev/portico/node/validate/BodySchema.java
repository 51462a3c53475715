package dev.portico.node.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's JSON Schema compiled once per snapshot (by {@link ModelSchemas}); checking a body is a
 * JSON parse and a walk of the compiled schema, nothing is resolved per request.
 */
public final class BodySchema {

    /** Trailing tokens fail: {@code {"a":1} x} is not a JSON document. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String model;
    private final Schema schema;

    BodySchema(String model, Schema schema) {
        this.model = model;
        this.schema = schema;
    }

    public String model() {
        return model;
    }

    /**
     * What is wrong with {@code body}: empty when it is a JSON document the schema accepts; else one
     * entry per failure, {@code "$.name: must be at least 1 characters long"} (instance location as a
     * JSON path, then networknt's message), or one saying the body is empty or not JSON.
     */
    public List<String> errors(Buffer body) {
        if (body.length() == 0) {
            return List.of("request body is empty; a JSON document is expected");
        }
        JsonNode document;
        try {
            document = JSON.readTree(body.getBytes());
        } catch (JsonProcessingException e) {
            return List.of("request body is not valid JSON" + where(e.getLocation()));
        } catch (IOException e) {
            return List.of("request body is not valid JSON");
        }
        List<Error> failures = schema.validate(document);
        if (failures.isEmpty()) {
            return List.of();
        }
        List<String> errors = new ArrayList<>(failures.size());
        for (Error failure : failures) {
            errors.add(failure.getInstanceLocation() + ": " + failure.getMessage());
        }
        return errors;
    }

    /** Line and column only: the parser's own message quotes the body back. */
    private static String where(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
