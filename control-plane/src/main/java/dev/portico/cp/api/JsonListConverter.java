package dev.portico.cp.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/**
 * A list of strings (audiences, identity sources, scopes) as a JSON array in a jsonb column, order
 * kept; null stays null. The column also needs {@code @ColumnTransformer(write = "?::jsonb")}.
 */
@Converter
public class JsonListConverter implements AttributeConverter<List<String>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<String> list) {
        try {
            return list == null ? null : JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("string lists are always JSON", e);
        }
    }

    @Override
    public List<String> convertToEntityAttribute(String json) {
        try {
            return json == null ? null : List.copyOf(JSON.readValue(json, STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("jsonb column does not hold a list of strings: " + json, e);
        }
    }
}
