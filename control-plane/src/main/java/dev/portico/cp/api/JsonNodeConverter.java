package dev.portico.cp.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Converter;

/** A JSON document (a model's schema) in a jsonb column, as it is; null stays null. */
@Converter
public class JsonNodeConverter extends JsonColumn<JsonNode> {

    public JsonNodeConverter() {
        super(new TypeReference<JsonNode>() {
        }, "JSON documents");
    }
}
