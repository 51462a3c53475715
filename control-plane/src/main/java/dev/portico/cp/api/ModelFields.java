package dev.portico.cp.api;

import com.fasterxml.jackson.databind.JsonNode;

/** A valid model's settings: a name of letters and digits, an optional description and a JSON Schema object. */
public record ModelFields(String name, String description, JsonNode schema) {
}
