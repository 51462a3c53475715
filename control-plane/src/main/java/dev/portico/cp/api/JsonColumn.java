package dev.portico.cp.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.persistence.AttributeConverter;

/**
 * A value stored as JSON text in a jsonb column (null fields left out); a null value is a null
 * column. The column also needs {@code @ColumnTransformer(write = "?::jsonb")}. Subclasses name the
 * type, and may shape the value on its way in ({@link #stored}) or out ({@link #absent}).
 *
 * @param <T> the entity attribute's type
 */
public abstract class JsonColumn<T> implements AttributeConverter<T, String> {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private final TypeReference<? extends T> type;
    private final String what;

    /** @param what what the column holds, for error messages ("CORS settings") */
    protected JsonColumn(TypeReference<? extends T> type, String what) {
        this.type = type;
        this.what = what;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        Object stored = stored(value);
        if (stored == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " are always JSON", e);
        }
    }

    @Override
    public T convertToEntityAttribute(String json) {
        if (json == null) {
            return absent();
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("jsonb column does not hold " + what + ": " + json, e);
        }
    }

    /** What is written for {@code value}: the value itself unless a subclass says otherwise. */
    protected Object stored(T value) {
        return value;
    }

    /** The attribute for a null column. */
    protected T absent() {
        return null;
    }
}
