package dev.portico.cp.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.portico.snapshot.Cors;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** An API's CORS settings, in the contract's form, as JSON in a jsonb column; null means no CORS. */
@Converter
public class CorsConverter implements AttributeConverter<Cors, String> {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    @Override
    public String convertToDatabaseColumn(Cors cors) {
        try {
            return cors == null ? null : JSON.writeValueAsString(cors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CORS settings are always JSON", e);
        }
    }

    @Override
    public Cors convertToEntityAttribute(String json) {
        try {
            return json == null ? null : JSON.readValue(json, Cors.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("jsonb column does not hold CORS settings: " + json, e);
        }
    }
}
