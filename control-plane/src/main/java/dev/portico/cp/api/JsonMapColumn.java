package dev.portico.cp.api;

import com.fasterxml.jackson.core.type.TypeReference;

import java.util.Map;
import java.util.TreeMap;

/**
 * A map keyed by name (stage variables, mock headers, per-route throttles) in a jsonb column, keys
 * sorted so equal maps store equal text. Subclasses name the value type.
 *
 * @param <V> the map's values
 */
public abstract class JsonMapColumn<V> extends JsonColumn<Map<String, V>> {

    private final boolean nullIsEmpty;

    /**
     * @param what        what the map holds, for error messages ("route throttles")
     * @param nullIsEmpty true: a null map is stored as {@code {}} and a null column read as an empty
     *                    map; false: null stays null both ways
     */
    protected JsonMapColumn(TypeReference<TreeMap<String, V>> type, String what, boolean nullIsEmpty) {
        super(type, what);
        this.nullIsEmpty = nullIsEmpty;
    }

    @Override
    protected Object stored(Map<String, V> map) {
        if (map == null) {
            return nullIsEmpty ? Map.of() : null;
        }
        return new TreeMap<>(map);
    }

    @Override
    protected Map<String, V> absent() {
        return nullIsEmpty ? Map.of() : null;
    }
}
