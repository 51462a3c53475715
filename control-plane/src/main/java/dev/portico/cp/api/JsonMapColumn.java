package dev.portico.cp.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;

import java.util.Map;
import java.util.TreeMap;

/**
 * A map keyed by name (stage variables, mock headers, per-route throttles) stored as JSON text in a
 * jsonb column, keys sorted so equal maps store equal text. The column also needs
 * {@code @ColumnTransformer(write = "?::jsonb")}. Subclasses name the value type.
 *
 * @param <V> the map's values
 */
public abstract class JsonMapColumn<V> implements AttributeConverter<Map<String, V>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TypeReference<TreeMap<String, V>> type;
    private final String what;
    private final boolean nullIsEmpty;

    /**
     * @param what        what the map holds, for error messages ("route throttles")
     * @param nullIsEmpty true: a null map is stored as {@code {}} and a null column read as an empty
     *                    map; false: null stays null both ways
     */
    protected JsonMapColumn(TypeReference<TreeMap<String, V>> type, String what, boolean nullIsEmpty) {
        this.type = type;
        this.what = what;
        this.nullIsEmpty = nullIsEmpty;
    }

    @Override
    public String convertToDatabaseColumn(Map<String, V> map) {
        if (map == null && !nullIsEmpty) {
            return null;
        }
        try {
            return JSON.writeValueAsString(map == null ? Map.of() : new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " are always JSON", e);
        }
    }

    @Override
    public Map<String, V> convertToEntityAttribute(String json) {
        if (json == null) {
            return nullIsEmpty ? Map.of() : null;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("jsonb column does not hold " + what + ": " + json, e);
        }
    }
}
