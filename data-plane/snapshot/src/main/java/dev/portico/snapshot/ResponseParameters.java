package dev.portico.snapshot;

import java.util.Map;
import java.util.TreeMap;

/** Copies of response parameter maps (status selector → mapping key → value), immutable and never null. */
final class ResponseParameters {

    private ResponseParameters() {
    }

    static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, String>> copy = new TreeMap<>();
        parameters.forEach((status, mappings) -> copy.put(status, mappings == null ? Map.of() : Map.copyOf(mappings)));
        return Map.copyOf(copy);
    }
}
