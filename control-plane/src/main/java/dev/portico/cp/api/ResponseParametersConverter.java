package dev.portico.cp.api;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;

import java.util.Map;
import java.util.TreeMap;

/** An integration's response parameters (status selector → mapping key → value) in a jsonb column; null stays null. */
@Converter
public class ResponseParametersConverter extends JsonMapColumn<Map<String, String>> {

    public ResponseParametersConverter() {
        super(new TypeReference<TreeMap<String, Map<String, String>>>() {
        }, "response parameters", false);
    }

    @Override
    protected Object stored(Map<String, Map<String, String>> map) {
        if (map == null) {
            return null;
        }
        Map<String, Map<String, String>> sorted = new TreeMap<>();
        map.forEach((status, mappings) -> sorted.put(status, new TreeMap<>(mappings)));
        return sorted;
    }
}
