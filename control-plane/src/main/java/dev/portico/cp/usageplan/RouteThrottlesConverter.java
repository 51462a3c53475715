package dev.portico.cp.usageplan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.cp.api.Throttle;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Map;
import java.util.TreeMap;

/** Stores per-route throttles (route key → throttle) as JSON text in a jsonb column. */
@Converter
public class RouteThrottlesConverter implements AttributeConverter<Map<String, Throttle>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, Throttle>> MAP = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(Map<String, Throttle> map) {
        try {
            return JSON.writeValueAsString(map == null ? Map.of() : new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("route throttles are always JSON", e);
        }
    }

    @Override
    public Map<String, Throttle> convertToEntityAttribute(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("jsonb column does not hold route throttles: " + json, e);
        }
    }
}
