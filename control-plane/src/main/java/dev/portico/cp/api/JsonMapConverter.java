package dev.portico.cp.api;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;

import java.util.TreeMap;

/** A string map (stage variables, mock headers) in a jsonb column; null stays null. */
@Converter
public class JsonMapConverter extends JsonMapColumn<String> {

    public JsonMapConverter() {
        super(new TypeReference<TreeMap<String, String>>() {
        }, "string maps", false);
    }
}
