package dev.portico.cp.api;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;

import java.util.List;

/** A list of strings (audiences, identity sources, scopes) in a jsonb column, order kept; null stays null. */
@Converter
public class JsonListConverter extends JsonColumn<List<String>> {

    public JsonListConverter() {
        super(new TypeReference<List<String>>() {
        }, "string lists");
    }
}
