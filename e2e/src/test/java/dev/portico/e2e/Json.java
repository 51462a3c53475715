package dev.portico.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Reading the JSON that Portico answers, in assertions. */
final class Json {

    private Json() {
    }

    static JsonNode parse(String body) {
        try {
            return AdminClient.JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
