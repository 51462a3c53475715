package dev.portico.cp.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Map;
import java.util.TreeMap;

/** Stores a stage's route settings (route key → settings) as JSON text in a jsonb column. */
@Converter
public class RouteSettingsConverter implements AttributeConverter<Map<String, RouteSettings>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, RouteSettings>> MAP = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(Map<String, RouteSettings> map) {
        try {
            return JSON.writeValueAsString(map == null ? Map.of() : new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("route settings are always JSON", e);
        }
    }

    @Override
    public Map<String, RouteSettings> convertToEntityAttribute(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("jsonb column does not hold route settings: " + json, e);
        }
    }
}
